package io.relais.ingest.internal;

import java.util.List;
import java.util.Locale;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.article.StoreResult;
import io.relais.ingest.ArticleIngestor;
import io.relais.ingest.IncomingArticle;
import io.relais.ingest.IngestRejectedException;

/**
 * Ingests one file dropped into the inbox (called by the {@code inbox} route). A file that cannot be ingested throws
 * {@link IngestRejectedException} with the reason and the file's bytes; the route's error handling records the dead
 * letter, writes the {@code .error} file and moves the file to {@code .failed/}.
 */
@Component("inboxFileIngester")
public class InboxFileIngester {

    private static final Logger log = LoggerFactory.getLogger(InboxFileIngester.class);
    static final String SOURCE_URL = "inbox:";

    private final ArticleIngestor ingestor;
    private final ArticleFileParser parser;
    private final FeedParser feedParser;
    private final IngestFailures failures;
    private final Sources sources;
    private final long maxBytes;

    InboxFileIngester(ArticleIngestor ingestor, ArticleFileParser parser, FeedParser feedParser,
                      IngestFailures failures, Sources sources, IngestSettings settings) {
        this.ingestor = ingestor;
        this.parser = parser;
        this.feedParser = feedParser;
        this.failures = failures;
        this.sources = sources;
        this.maxBytes = settings.maxBytes();
    }

    /** @return a one-line summary of what was ingested */
    public String ingest(@Header(Exchange.FILE_NAME) String fileName, @Body byte[] content) {
        String origin = "inbox/" + fileName;
        String summary = ingestFile(fileName, content, origin);
        log.info("Ingested {}: {}", origin, summary);
        return summary;
    }

    private String ingestFile(String fileName, byte[] content, String origin) {
        String type = contentType(fileName);
        if (content.length == 0) {
            throw new IngestRejectedException("empty file", origin, content, type);
        }
        if (content.length > maxBytes) {
            throw new IngestRejectedException("file too large: " + content.length + " bytes, the limit is " + maxBytes
                    + " (relais.ingest.max-bytes)", origin, content, type);
        }
        String extension = extension(fileName);
        if (extension.equals("xml") || extension.equals("rss") || extension.equals("atom")) {
            return ingestFeedFile(content, origin);
        }
        ParsedDocument doc;
        try {
            doc = switch (extension) {
                case "html", "htm" -> parser.parseHtml(PayloadDecoder.decode(content), null);
                case "txt" -> parser.parseText(PayloadDecoder.decode(content));
                case "json" -> parser.parseJson(PayloadDecoder.decode(content));
                default -> throw new IllegalArgumentException("unsupported file type ." + extension
                        + " (the inbox takes .html, .txt, .json articles and .xml feeds)");
            };
        } catch (RuntimeException unreadable) {
            throw new IngestRejectedException(unreadable.getMessage() == null ? unreadable.getClass().getSimpleName()
                    : unreadable.getMessage(), origin, content, type);
        }
        String externalId = doc.url() != null && !doc.url().isBlank() ? doc.url() : "file:" + fileName;
        StoreResult result = ingestor.ingest(new IncomingArticle(inboxSource().id(), origin, externalId, doc.url(),
                doc.title(), doc.summary(), doc.bodyHtml(), doc.author(), doc.publishedAt(), content, type));
        return "article #" + result.articleId() + " revision " + result.revision() + " " + result.outcome();
    }

    /** A feed file: each item through the gate; one refused item is recorded and does not stop the others. */
    private String ingestFeedFile(byte[] content, String origin) {
        List<IncomingArticle> items = feedParser.parse(new FetchedFeed(inboxSource().id(), origin, content,
                "application/xml"));
        if (items.isEmpty()) {
            throw new IngestRejectedException("a feed file with no items", origin, content, "application/xml");
        }
        int stored = 0;
        int refused = 0;
        for (IncomingArticle item : items) {
            try {
                ingestor.ingest(item);
                stored++;
            } catch (IngestRejectedException e) {
                failures.refused(e);
                refused++;
            }
        }
        if (stored == 0) {
            throw new IngestRejectedException("none of the feed's " + items.size()
                    + " items could be ingested (see dead letters)", origin, content, "application/xml");
        }
        return items.size() + " feed items, " + stored + " ingested, " + refused + " refused";
    }

    private Source inboxSource() {
        return sources.ensure(SOURCE_URL, Source.Kind.INBOX, "Inbox folder");
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String contentType(String fileName) {
        return switch (extension(fileName)) {
            case "html", "htm" -> "text/html";
            case "txt" -> "text/plain";
            case "json" -> "application/json";
            case "xml", "rss", "atom" -> "application/xml";
            default -> "application/octet-stream";
        };
    }
}
