package io.relais.ingest.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relais.ingest.*}: the inbox, the size limit of a file, feed or pushed article, the sources polled from
 * start-up, what source URLs may point at (by default no loopback, private or link-local addresses and no files:
 * {@code allow-*} to true to allow them), the User-Agent sent to publishers, how long one fetch (a feed, a page,
 * redirects included) may take in all, and whether the main image of each new article is measured (a HEAD request)
 * so that feeds can give its real length.
 */
@ConfigurationProperties("relais.ingest")
public record IngestSettings(
        @DefaultValue("inbox") Path inboxDir,
        @DefaultValue("5000000") long maxBytes,
        @DefaultValue("true") boolean pollOnStart,
        List<SourceProperties> sources,
        @DefaultValue("false") boolean allowInternalAddresses,
        @DefaultValue("false") boolean allowFileUrls,
        @DefaultValue("Relais/0.1 (feed translator; +http://localhost:8080)") String userAgent,
        @DefaultValue("60s") Duration fetchDeadline,
        @DefaultValue("true") boolean probeImages) {

    /** The settings without image measuring's own (it is on). */
    public IngestSettings(Path inboxDir, long maxBytes, boolean pollOnStart, List<SourceProperties> sources,
                          boolean allowInternalAddresses, boolean allowFileUrls, String userAgent,
                          Duration fetchDeadline) {
        this(inboxDir, maxBytes, pollOnStart, sources, allowInternalAddresses, allowFileUrls, userAgent, fetchDeadline,
                true);
    }

    @ConstructorBinding
    public IngestSettings {
    }

    public record SourceProperties(String name, String url, @DefaultValue("15m") Duration pollInterval) {
    }

    public List<SourceProperties> sources() {
        return sources == null ? List.of() : sources;
    }
}
