package io.relais.publish;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relais.publish.*}: the public address feed links are built on ({@code RELAIS_BASE_URL}), where the static
 * copies are written, how many entries a document (subscription or archive page) holds, how long readers and proxies
 * may cache the public feeds, whether public feeds exist at all, and the WebSub hubs to ping.
 */
@ConfigurationProperties("relais.publish")
public record PublishSettings(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("feeds") Path feedsDir,
        @DefaultValue("50") int maxEntries,
        @DefaultValue("5m") Duration cacheMaxAge,
        @DefaultValue("true") boolean publicFeeds,
        List<String> hubs) {

    public PublishSettings {
        hubs = hubs == null ? List.of() : hubs.stream().filter(h -> h != null && !h.isBlank()).map(String::strip).toList();
        if (maxEntries < 1) {
            throw new IllegalArgumentException("relais.publish.max-entries must be at least 1, not " + maxEntries);
        }
    }

    /** The base URL without a trailing slash. */
    public String baseUrlWithoutSlash() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
