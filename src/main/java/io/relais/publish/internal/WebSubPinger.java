package io.relais.publish.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.relais.publish.FeedFormat;
import io.relais.publish.Partner;
import io.relais.publish.PublishSettings;

/**
 * Tells WebSub hubs that feeds changed ({@code hub.mode=publish}, one request per feed URL, the form most hubs
 * accept), so that subscribers get the new entries without polling: the public hubs ({@code relais.publish.hubs})
 * for the public feeds, and only the hubs the operator trusts with partners' tokens ({@code
 * relais.publish.partner-hubs}, none by default) for a partner's feeds, whose URLs hold the token. Each request names
 * Relais in its User-Agent. A hub that fails is logged and not retried: the next change pings again, and readers
 * still poll.
 */
@Component
class WebSubPinger {

    private static final Logger log = LoggerFactory.getLogger(WebSubPinger.class);

    private final PublishSettings properties;
    private final PartnerTopics topics;
    private final String userAgent;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebSubPinger(PublishSettings properties, PartnerTopics topics) {
        this.properties = properties;
        this.topics = topics;
        String version = WebSubPinger.class.getPackage().getImplementationVersion();
        this.userAgent = "Relais/" + (version == null ? "0.1" : version) + " (WebSub publisher; +"
                + properties.baseUrlWithoutSlash() + "/feeds/)";
    }

    String userAgent() {
        return userAgent;
    }

    /** The public feeds of {@code lang} changed. */
    CompletableFuture<Void> ping(String lang) {
        if (!properties.publicFeeds()) {
            return CompletableFuture.completedFuture(null);
        }
        return pingAll(properties.hubs(), properties.baseUrlWithoutSlash() + "/feeds/" + lang + "/");
    }

    /** A partner's feeds of {@code lang} changed: its trusted hubs are told, if this process knows its topic URL. */
    CompletableFuture<Void> ping(Partner partner, String lang) {
        if (properties.partnerHubs().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return topics.token(partner.id())
                .map(token -> pingAll(properties.partnerHubs(), properties.baseUrlWithoutSlash() + "/feeds/p/" + token + "/" + lang + "/"))
                .orElseGet(() -> {
                    log.debug("Partner {}'s {} feeds changed; no hub told: its token has not been seen since start", partner.id(), lang);
                    return CompletableFuture.completedFuture(null);
                });
    }

    private CompletableFuture<Void> pingAll(List<String> hubs, String feedFolder) {
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (String hub : hubs) {
            for (FeedFormat format : FeedFormat.values()) {
                calls.add(publish(hub, feedFolder + format.fileName()));
            }
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<?> publish(String hub, String topic) {
        String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(topic, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String shown = topic.contains("/feeds/p/") ? topic.replaceAll("/feeds/p/[^/]+/", "/feeds/p/…/") : topic;
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error != null) {
                log.warn("WebSub hub {} could not be told that {} changed: {}", hub, shown, error.toString());
            } else if (response.statusCode() / 100 != 2) {
                log.warn("WebSub hub {} answered {} to the publish ping for {}", hub, response.statusCode(), shown);
            } else {
                log.debug("WebSub hub {} told that {} changed", hub, shown);
            }
            return null;
        });
    }
}
