package io.relais.ingest.internal;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Component;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import io.relais.article.Sources;
import io.relais.ingest.DeadLetters;
import io.relais.ingest.IncomingArticle;

/**
 * RSS and Atom bytes to incoming articles, with Rome. Rome's {@link XmlReader} works out the encoding (BOM,
 * XML declaration, HTTP charset); its parser refuses DOCTYPEs, which keeps out external entities and entity
 * expansion. A feed that cannot be parsed goes to the dead letters with its bytes and marks the source failed.
 */
@Component("feedParser")
public class FeedParser {

    private final DeadLetters deadLetters;
    private final Sources sources;

    FeedParser(DeadLetters deadLetters, Sources sources) {
        this.deadLetters = deadLetters;
        this.sources = sources;
    }

    public List<IncomingArticle> parse(FetchedFeed fetched) {
        SyndFeed feed;
        try {
            feed = parseSalvaging(fetched);
        } catch (Exception e) {
            String reason = "unreadable feed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            deadLetters.record(fetched.url(), reason, fetched.content(), fetched.contentType());
            sources.find(fetched.sourceId()).ifPresent(source -> sources.recordUnusableContent(source.id(), reason,
                    OffsetDateTime.now(ZoneOffset.UTC).plus(FeedFetcher.backoff(source.pollIntervalSeconds(),
                            source.consecutiveFailures()))));
            return List.of();
        }
        List<IncomingArticle> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = entry.getLink();
            String externalId = firstNonBlank(entry.getUri(), link, entry.getTitle());
            String body = entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank())
                    .findFirst().orElse(null);
            String description = entry.getDescription() == null ? null : entry.getDescription().getValue();
            if (body == null) {
                body = description;
                description = null;
            }
            Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            items.add(new IncomingArticle(fetched.sourceId(), fetched.url() + " item " + externalId, externalId, link,
                    entry.getTitle(), description, body, blankToNull(entry.getAuthor()),
                    date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC),
                    null, "application/xml", entry.getCategories().stream().map(c -> c.getName()).toList()));
        }
        return items;
    }

    /**
     * Rome with the encoding it works out; if that fails, once more on the text decoded the way a person would
     * read it (UTF-8 when valid, else Windows-1252), for feeds whose bytes contradict their declared encoding.
     */
    private static SyndFeed parseSalvaging(FetchedFeed fetched) throws Exception {
        if (declaresUtf8(fetched.content()) && !validUtf8(fetched.content())) {
            // declared (or defaulting to) UTF-8 but not UTF-8: read leniently, Rome would put U+FFFD for every accent
            String text = PayloadDecoder.decode(fetched.content());
            return input().build(new java.io.StringReader(
                    text.replaceFirst("^(\\s*<\\?xml[^>]*?)\\s+encoding=[\"'][^\"']*[\"']", "$1")));
        }
        try {
            return input().build(new XmlReader(new ByteArrayInputStream(fetched.content()), fetched.contentType(), true));
        } catch (Exception first) {
            String text;
            try {
                text = PayloadDecoder.decode(fetched.content());
            } catch (IllegalArgumentException binary) {
                throw first;
            }
            String redeclared = text.replaceFirst("^(\\s*<\\?xml[^>]*?)\\s+encoding=[\"'][^\"']*[\"']", "$1");
            try {
                return input().build(new java.io.StringReader(redeclared));
            } catch (Exception second) {
                throw first;
            }
        }
    }

    private static boolean declaresUtf8(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 200), java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*<\\?xml[^>]*encoding=[\"']([^\"']+)[\"']")
                .matcher(head);
        return !m.find() || m.group(1).equalsIgnoreCase("utf-8") || m.group(1).equalsIgnoreCase("utf8");
    }

    private static boolean validUtf8(byte[] content) {
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static SyndFeedInput input() {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        return input;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
