package io.relais.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.http.RetryAfter;
import io.relais.ingest.IncomingArticle;
import io.relais.ingest.PollerElection;

/**
 * Fetches a source's feed (called by the feed poller route on each tick), politely: {@code http(s):} with a
 * conditional GET (ETag / Last-Modified), gzip, a clear User-Agent, an overall deadline, one request at a time per
 * address ({@link PoliteHttp}); {@code file:} by modification time; {@code classpath:} (a feed bundled with Relais,
 * such as the demo, which only configuration can name) by content. Returns null when there is nothing to do
 * (nothing changed, the source is paused or backing off: the route's filter ends the poll). A failed fetch throws
 * {@link SourceFetchException}; the route's error handling ({@code feed-errors}) hands it back to {@link #failed},
 * which records it on the source (its health) and holds it back: exponential backoff from its poll interval, or the
 * server's {@code Retry-After} on 429/503 if longer. The source's health follows its last attempt: a poll counts as
 * a success only once its feed has been read ({@link #read}), so a feed that does not parse is a failure.
 */
@Component("feedFetcher")
public class FeedFetcher {

    private static final Logger log = LoggerFactory.getLogger(FeedFetcher.class);

    private final Sources sources;
    private final long maxBytes;
    private final PoliteHttp http;
    private final UrlPolicy urlPolicy;
    private final FeedParser parser;
    private final PollerElection election;

    FeedFetcher(Sources sources, UrlPolicy urlPolicy, PoliteHttp http, FeedParser parser, IngestSettings settings,
                ObjectProvider<PollerElection> election) {
        this.election = election.getIfAvailable(() -> () -> false);
        this.sources = sources;
        this.urlPolicy = urlPolicy;
        this.maxBytes = settings.maxBytes();
        this.http = http;
        this.parser = parser;
    }

    /**
     * The fetched feed's items (called by the feed poller route after {@link #fetch}); only now, the feed read,
     * is the poll a success on the source, with the validators for the next one. A feed that cannot be read throws
     * {@link UnreadableFeedException} and the source records that failure instead.
     */
    public List<IncomingArticle> read(FetchedFeed fetched) {
        List<IncomingArticle> items = parser.parse(fetched);
        sources.recordSuccess(fetched.sourceId(), fetched.etag(), fetched.lastModified());
        return items;
    }

    public FetchedFeed fetch(long sourceId) {
        if (!election.mayPollNow()) {
            return null;   // this node's polling duty just ended: its poller is being stopped
        }
        Source source = sources.find(sourceId).orElse(null);
        if (source == null || source.paused()
                || source.nextPollAt() != null && source.nextPollAt().isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
            return null;
        }
        try {
            URI uri = URI.create(source.url());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return switch (scheme) {
                case "file" -> {
                    if (!urlPolicy.allowsFiles()) {
                        throw new IOException("file: URLs are not allowed (relais.ingest.allow-file-urls)");
                    }
                    yield fetchFile(source, uri);
                }
                case "classpath" -> fetchBundled(source, uri);
                // the URL policy checks the host (and each redirect) inside PoliteHttp, at connection time, which
                // also asks one request at a time per address and gives up at the deadline
                case "http", "https" -> fetchHttp(source, uri);
                default -> throw new IOException("unsupported URL scheme '" + scheme + "' (http, https and file only)");
            };
        } catch (RetryLater e) {
            throw new SourceFetchException(source.id(), e.getMessage(), e.retryAfter, e);
        } catch (IOException | RuntimeException e) {
            throw new SourceFetchException(source.id(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), Duration.ZERO, e);
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

    /** Called by the feed route's error handling: the failure on the source's health, and its backoff. */
    public void failed(SourceFetchException failure) {
        sources.find(failure.sourceId()).ifPresent(source -> failed(source, failure.getMessage(), failure.retryAfter()));
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

    private static Duration retryAfter(String header) {
        return RetryAfter.parse(header, Instant.now()).orElse(Duration.ZERO);
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
        return new FetchedFeed(source.id(), source.url(), content, "application/xml", null, modified);
    }

    /** A feed bundled with Relais ({@code classpath:demo/feed.xml}): read again only when its content changed. */
    private FetchedFeed fetchBundled(Source source, URI uri) throws IOException {
        ClassPathResource resource =
                new ClassPathResource(uri.getSchemeSpecificPart());
        if (!resource.exists()) {
            throw new IOException("no bundled feed " + uri.getSchemeSpecificPart());
        }
        byte[] content;
        try (InputStream in = resource.getInputStream()) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (content.length > maxBytes) {
            throw new IOException("feed larger than " + maxBytes + " bytes");
        }
        String version = "md5:" + DigestUtils.md5DigestAsHex(content);
        if (version.equals(source.lastModified())) {
            sources.recordNotModified(source.id());
            return null;
        }
        return new FetchedFeed(source.id(), source.url(), content, "application/xml", null, version);
    }

    private FetchedFeed fetchHttp(Source source, URI uri) throws IOException, InterruptedException {
        Map<String, String> conditional = new HashMap<>();
        if (source.etag() != null) {
            conditional.put("If-None-Match", source.etag());
        }
        if (source.lastModified() != null) {
            conditional.put("If-Modified-Since", source.lastModified());
        }
        PoliteHttp.Response response = http.get(uri,
                "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1", conditional);
        if (response.status() == 304) {
            sources.recordNotModified(source.id());
            return null;
        }
        if (response.status() == 429 || response.status() == 503) {
            throw new RetryLater("HTTP " + response.status() + " from " + uri, retryAfter(response.header("Retry-After")));
        }
        if (response.status() != 200) {
            throw new IOException("HTTP " + response.status() + " from " + uri);
        }
        return new FetchedFeed(source.id(), source.url(), response.body(),
                response.header("Content-Type") != null ? response.header("Content-Type") : "application/xml",
                response.header("ETag"), response.header("Last-Modified"));
    }
}
