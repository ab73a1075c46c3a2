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
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(fetched.content()), fetched.contentType(), true));
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
                    null, "application/xml"));
        }
        return items;
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
