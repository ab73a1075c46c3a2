package io.relais.ingest.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code relais.ingest.*}: the inbox, size limit and the sources polled from start-up. */
@ConfigurationProperties("relais.ingest")
public record IngestProperties(
        @DefaultValue("inbox") Path inboxDir,
        @DefaultValue("5000000") long maxBytes,
        @DefaultValue("true") boolean pollOnStart,
        List<SourceProperties> sources) {

    public record SourceProperties(String name, String url, @DefaultValue("15m") Duration pollInterval) {
    }

    public List<SourceProperties> sources() {
        return sources == null ? List.of() : sources;
    }
}
