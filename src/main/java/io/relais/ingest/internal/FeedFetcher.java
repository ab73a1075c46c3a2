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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.relais.article.Source;
import io.relais.article.Sources;

/**
 * Fetches a source's feed (called by the feed poller route on each tick), politely: {@code http(s):} with a
 * conditional GET (ETag / Last-Modified), gzip, a clear User-Agent, timeouts, one request at a time per host;
 * {@code file:} by modification time. Returns null when nothing changed, the source is paused or backing off, or
 * the fetch failed. A failure is recorded on the source (its health) and holds it back: exponential backoff from
 * its poll interval, or the server's {@code Retry-After} on 429/503 if longer.
 */
@Component("feedFetcher")
public class FeedFetcher {

    private static final Logger log = LoggerFactory.getLogger(FeedFetcher.class);

    private final Sources sources;
    private final long maxBytes;
    private final String userAgent;
    private final HttpClient http;
    private final UrlPolicy urlPolicy;
    private final Map<String, ReentrantLock> hostLocks = new ConcurrentHashMap<>();

    FeedFetcher(Sources sources, UrlPolicy urlPolicy, @Value("${relais.ingest.max-bytes:5000000}") long maxBytes,
                @Value("${relais.publish.base-url:http://localhost:8080}") String baseUrl) {
        this.sources = sources;
        this.urlPolicy = urlPolicy;
        this.maxBytes = maxBytes;
        this.userAgent = "Relais/0.1 (feed translator; +" + baseUrl + ")";
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public FetchedFeed fetch(long sourceId) {
        Source source = sources.find(sourceId).orElse(null);
        if (source == null || source.paused()
                || source.nextPollAt() != null && source.nextPollAt().isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
            return null;
        }
        try {
            URI uri = URI.create(source.url());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return switch (scheme) {
                case "file" -> fetchFile(source, uri);
                case "http", "https" -> {
                    urlPolicy.checkHost(uri);
                    ReentrantLock hostLock = hostLocks.computeIfAbsent(uri.getHost().toLowerCase(Locale.ROOT),
                            h -> new ReentrantLock());
                    hostLock.lock();
                    try {
                        yield fetchHttp(source, uri);
                    } finally {
                        hostLock.unlock();
                    }
                }
                default -> throw new IOException("unsupported URL scheme '" + scheme + "' (http, https and file only)");
            };
        } catch (RetryLater e) {
            failed(source, e.getMessage(), e.retryAfter);
            return null;
        } catch (IOException | RuntimeException e) {
            failed(source, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), Duration.ZERO);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Backoff: the poll interval (at least a minute) doubled per failure in a row, at most a day. */
    static Duration backoff(int pollIntervalSeconds, int failuresBefore) {
        long base = Math.max(60, pollIntervalSeconds);
        long seconds = base << Math.min(failuresBefore, 20);
        return Duration.ofSeconds(Math.min(seconds, Duration.ofDays(1).toSeconds()));
    }

    private void failed(Source source, String reason, Duration retryAfter) {
        Duration wait = backoff(source.pollIntervalSeconds(), source.consecutiveFailures());
        if (retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        log.warn("Fetching {} failed ({}); next try in {} s", source.url(), reason, wait.toSeconds());
        sources.recordFailure(source.id(), reason, OffsetDateTime.now(ZoneOffset.UTC).plus(wait));
    }

    /** 429 or 503: the server asks to come back later. */
    static final class RetryLater extends IOException {
        final Duration retryAfter;

        RetryLater(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse("").strip();
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(java.time.Instant.now(),
                        java.time.ZonedDateTime.parse(value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (java.time.format.DateTimeParseException unreadable) {
                return Duration.ZERO;
            }
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
                .header("Accept-Encoding", "gzip")
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
        if (source.etag() != null) {
            request.header("If-None-Match", source.etag());
        }
        if (source.lastModified() != null) {
            request.header("If-Modified-Since", source.lastModified());
        }
        HttpResponse<InputStream> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream raw = response.body();
             InputStream body = "gzip".equalsIgnoreCase(response.headers().firstValue("Content-Encoding").orElse(""))
                     ? new GZIPInputStream(raw) : raw) {
            if (response.statusCode() == 304) {
                sources.recordNotModified(source.id());
                return null;
            }
            if (response.statusCode() == 429 || response.statusCode() == 503) {
                throw new RetryLater("HTTP " + response.statusCode() + " from " + uri, retryAfter(response));
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
