package io.relais.publish;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relais.publish.*}: the public address feed links are built on ({@code RELAIS_BASE_URL}), where the static
 * copies are written, and how many entries a feed lists.
 */
@ConfigurationProperties("relais.publish")
public record PublishSettings(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("feeds") Path feedsDir,
        @DefaultValue("50") int maxEntries) {

    /** The base URL without a trailing slash. */
    public String baseUrlWithoutSlash() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
