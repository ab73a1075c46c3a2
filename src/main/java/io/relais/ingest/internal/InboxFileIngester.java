package io.relais.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import io.relais.ingest.DeadLetters;
import io.relais.ingest.IncomingArticle;
import io.relais.ingest.IngestRejectedException;

/**
 * Ingests one file dropped into the inbox (called by the {@code inbox} route). On any failure the reason goes to
 * the dead letters with the file's bytes, an {@code <name>.error} file is written beside where the route moves the
 * file ({@code .failed/}), and the exception is rethrown so that the route moves it there.
 */
@Component("inboxFileIngester")
public class InboxFileIngester {

    private static final Logger log = LoggerFactory.getLogger(InboxFileIngester.class);
    static final String SOURCE_URL = "inbox:";

    private final ArticleIngestor ingestor;
    private final ArticleFileParser parser;
    private final FeedParser feedParser;
    private final DeadLetters deadLetters;
    private final Sources sources;
    private final Path failedDir;
    private final long maxBytes;

    InboxFileIngester(ArticleIngestor ingestor, ArticleFileParser parser, FeedParser feedParser,
                      DeadLetters deadLetters, Sources sources,
                      IngestProperties settings) {
        this.ingestor = ingestor;
        this.parser = parser;
        this.feedParser = feedParser;
        this.deadLetters = deadLetters;
        this.sources = sources;
        this.failedDir = settings.inboxDir().resolve(".failed");
        this.maxBytes = settings.maxBytes();
    }

    /** @return a one-line summary of what was ingested */
    public String ingest(@Header(Exchange.FILE_NAME) String fileName, @Body byte[] content) {
        String origin = "inbox/" + fileName;
        try {
            String summary = ingestFile(fileName, content, origin);
            log.info("Ingested {}: {}", origin, summary);
            return summary;
        } catch (IngestRejectedException e) {
            writeErrorFile(fileName, e.getMessage() + " (dead letter #" + e.deadLetterId() + ")");
            throw e;
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            long id = deadLetters.record(origin, reason, content, contentType(fileName));
            writeErrorFile(fileName, reason + " (dead letter #" + id + ")");
            throw new IngestRejectedException(reason, id);
        }
    }

    private String ingestFile(String fileName, byte[] content, String origin) {
        String type = contentType(fileName);
        if (content.length == 0) {
            reject(origin, "empty file", content, type);
        }
        if (content.length > maxBytes) {
            reject(origin, "file too large: " + content.length + " bytes, the limit is " + maxBytes
                    + " (relais.ingest.max-bytes)", content, type);
        }
        String extension = extension(fileName);
        if (extension.equals("xml") || extension.equals("rss") || extension.equals("atom")) {
            return ingestFeedFile(fileName, content, origin);
        }
        ParsedDocument doc = switch (extension) {
            case "html", "htm" -> parser.parseHtml(PayloadDecoder.decode(content), null);
            case "txt" -> parser.parseText(PayloadDecoder.decode(content));
            case "json" -> parser.parseJson(PayloadDecoder.decode(content));
            default -> throw reject(origin, "unsupported file type ." + extension
                    + " (the inbox takes .html, .txt, .json articles and .xml feeds)", content, type);
        };
        String externalId = doc.url() != null && !doc.url().isBlank() ? doc.url() : "file:" + fileName;
        StoreResult result = ingestor.ingest(new IncomingArticle(inboxSource().id(), origin, externalId, doc.url(),
                doc.title(), doc.summary(), doc.bodyHtml(), doc.author(), doc.publishedAt(), content, type));
        return "article #" + result.articleId() + " revision " + result.revision() + " " + result.outcome();
    }

    private String ingestFeedFile(String fileName, byte[] content, String origin) {
        List<IncomingArticle> items = feedParser.parse(new FetchedFeed(inboxSource().id(), origin, content,
                "application/xml"));
        if (items.isEmpty()) {
            reject(origin, "a feed file with no items", content, "application/xml");
        }
        int stored = 0;
        int refused = 0;
        for (IncomingArticle item : items) {
            try {
                ingestor.ingest(item);
                stored++;
            } catch (IngestRejectedException e) {
                refused++;
            }
        }
        if (stored == 0) {
            reject(origin, "none of the feed's " + items.size() + " items could be ingested (see dead letters)",
                    content, "application/xml");
        }
        return items.size() + " feed items, " + stored + " ingested, " + refused + " refused";
    }

    private IngestRejectedException reject(String origin, String reason, byte[] content, String type) {
        throw new IngestRejectedException(reason, deadLetters.record(origin, reason, content, type));
    }

    private Source inboxSource() {
        return sources.ensure(SOURCE_URL, Source.Kind.INBOX, "Inbox folder");
    }

    private void writeErrorFile(String fileName, String reason) {
        try {
            Files.createDirectories(failedDir);
            Files.writeString(failedDir.resolve(fileName + ".error"), reason + System.lineSeparator(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the .error file for " + fileName, e);
        }
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String contentType(String fileName) {
        return switch (extension(fileName)) {
            case "html", "htm" -> "text/html";
            case "txt" -> "text/plain";
            case "json" -> "application/json";
            case "xml", "rss", "atom" -> "application/xml";
            default -> "application/octet-stream";
        };
    }
}
