package io.relais.publish;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relais.publish.*}: the public address feed links are built on ({@code RELAIS_BASE_URL}), where the static
 * copies are written, how many entries a document (subscription or archive page) holds, how long readers and proxies
 * may cache the public feeds, whether public feeds exist at all, what they publish ({@code policy}: {@code reviewed}
 * by default, {@code machine} to publish machine translations with no blocking issue too, marked as such), the
 * WebSub hubs to ping for the public feeds, and the hubs trusted with partner feeds (whose topic URLs hold the
 * partner's token: none by default).
 */
@ConfigurationProperties("relais.publish")
public record PublishSettings(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("feeds") Path feedsDir,
        @DefaultValue("50") int maxEntries,
        @DefaultValue("5m") Duration cacheMaxAge,
        @DefaultValue("true") boolean publicFeeds,
        @DefaultValue("reviewed") PublicationPolicy policy,
        List<String> hubs,
        List<String> partnerHubs) {

    /** The settings with the given values, the shipped policy ({@code reviewed}) and no partner hubs. */
    public PublishSettings(String baseUrl, Path feedsDir, int maxEntries, Duration cacheMaxAge, boolean publicFeeds,
                           List<String> hubs) {
        this(baseUrl, feedsDir, maxEntries, cacheMaxAge, publicFeeds, PublicationPolicy.REVIEWED, hubs, List.of());
    }

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public PublishSettings {
        policy = policy == null ? PublicationPolicy.REVIEWED : policy;
        hubs = clean(hubs);
        partnerHubs = clean(partnerHubs);
        if (maxEntries < 1) {
            throw new IllegalArgumentException("relais.publish.max-entries must be at least 1, not " + maxEntries);
        }
    }

    private static List<String> clean(List<String> urls) {
        return urls == null ? List.of() : urls.stream().filter(h -> h != null && !h.isBlank()).map(String::strip).toList();
    }

    /** The base URL without a trailing slash. */
    public String baseUrlWithoutSlash() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
