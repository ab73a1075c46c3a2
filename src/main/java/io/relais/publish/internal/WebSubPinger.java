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
import io.relais.publish.PublishSettings;

/**
 * Tells the configured WebSub hubs that a language's feeds changed ({@code hub.mode=publish}, one request per feed
 * URL, the form most hubs accept), so that subscribers get the new entries without polling. A hub that fails is
 * logged and not retried: the next change pings again, and readers still poll.
 */
@Component
class WebSubPinger {

    private static final Logger log = LoggerFactory.getLogger(WebSubPinger.class);

    private final PublishSettings properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebSubPinger(PublishSettings properties) {
        this.properties = properties;
    }

    CompletableFuture<Void> ping(String lang) {
        if (properties.hubs().isEmpty() || !properties.publicFeeds()) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (String hub : properties.hubs()) {
            for (FeedFormat format : FeedFormat.values()) {
                String topic = properties.baseUrlWithoutSlash() + "/feeds/" + lang + "/" + format.fileName();
                calls.add(publish(hub, topic));
            }
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<?> publish(String hub, String topic) {
        String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(topic, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error != null) {
                log.warn("WebSub hub {} could not be told that {} changed: {}", hub, topic, error.toString());
            } else if (response.statusCode() / 100 != 2) {
                log.warn("WebSub hub {} answered {} to the publish ping for {}", hub, response.statusCode(), topic);
            } else {
                log.debug("WebSub hub {} told that {} changed", hub, topic);
            }
            return null;
        });
    }
}
