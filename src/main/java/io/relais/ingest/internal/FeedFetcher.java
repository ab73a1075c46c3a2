package io.relais.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.relais.article.Source;
import io.relais.article.Sources;

/**
 * Fetches a source's feed (called by the feed poller route on each tick): {@code http(s):} with a conditional GET
 * (ETag / Last-Modified), {@code file:} by modification time. Returns null when nothing changed or the fetch
 * failed; a failure is recorded on the source (its health) and retried at the next tick.
 */
@Component("feedFetcher")
public class FeedFetcher {

    private static final Logger log = LoggerFactory.getLogger(FeedFetcher.class);

    private final Sources sources;
    private final long maxBytes;
    private final String userAgent;
    private final HttpClient http;

    FeedFetcher(Sources sources, @Value("${relais.ingest.max-bytes:5000000}") long maxBytes,
                @Value("${relais.publish.base-url:http://localhost:8080}") String baseUrl) {
        this.sources = sources;
        this.maxBytes = maxBytes;
        this.userAgent = "Relais/0.1 (feed translator; +" + baseUrl + ")";
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public FetchedFeed fetch(long sourceId) {
        Source source = sources.find(sourceId).orElse(null);
        if (source == null) {
            return null;
        }
        try {
            URI uri = URI.create(source.url());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return switch (scheme) {
                case "file" -> fetchFile(source, uri);
                case "http", "https" -> fetchHttp(source, uri);
                default -> throw new IOException("unsupported URL scheme '" + scheme + "' (http, https and file only)");
            };
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("Fetching {} failed: {}", source.url(), reason);
            sources.recordFailure(sourceId, reason);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private FetchedFeed fetchFile(Source source, URI uri) throws IOException {
        // file:demo/feed.xml is relative to the working directory; file:/abs/path is absolute
        Path path = uri.isOpaque() ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri);
        String modified = Files.getLastModifiedTime(path).toString() + "/" + Files.size(path);
        if (modified.equals(source.lastModified())) {
            sources.recordNotModified(source.id());
            return null;
        }
        if (Files.size(path) > maxBytes) {
            throw new IOException("feed larger than " + maxBytes + " bytes");
        }
        byte[] content = Files.readAllBytes(path);
        sources.recordSuccess(source.id(), null, modified);
        return new FetchedFeed(source.id(), source.url(), content, "application/xml");
    }

    private FetchedFeed fetchHttp(Source source, URI uri) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("User-Agent", userAgent)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
        if (source.etag() != null) {
            request.header("If-None-Match", source.etag());
        }
        if (source.lastModified() != null) {
            request.header("If-Modified-Since", source.lastModified());
        }
        HttpResponse<InputStream> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304) {
                sources.recordNotModified(source.id());
                return null;
            }
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + uri);
            }
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (content.length > maxBytes) {
                throw new IOException("response larger than " + maxBytes + " bytes");
            }
            sources.recordSuccess(source.id(), response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
            return new FetchedFeed(source.id(), source.url(), content,
                    response.headers().firstValue("Content-Type").orElse("application/xml"));
        }
    }
}
