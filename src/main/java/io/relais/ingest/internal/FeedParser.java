package io.relais.ingest.internal;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.relais.ingest.IncomingArticle;

/**
 * RSS and Atom bytes to incoming articles, with Rome. The text is decoded by {@link PayloadDecoder} (byte order
 * mark, UTF-16/32 autodetection, declaration, HTTP charset; undecodable text refused); Rome's parser refuses
 * DOCTYPEs, which keeps out external entities and entity expansion (a DOCTYPE that only names an external DTD, as RSS
 * 0.91 feeds have, is dropped first: it declares nothing). A feed that cannot be read throws
 * {@link UnreadableFeedException}: the route's error handling records the dead letter and marks the source.
 * Relative item links are resolved against the feed's own http(s) URL.
 */
@Component("feedParser")
public class FeedParser {

    private static final Pattern ENCODING_DECLARATION =
            Pattern.compile("^(\\s*<\\?xml[^>]*?)\\s+encoding\\s*=\\s*[\"'][^\"']*[\"']");
    /**
     * A DOCTYPE that only names an external DTD (RSS 0.91's Netscape DTD: {@code <!DOCTYPE rss PUBLIC "…" "…">}), with
     * no internal subset, before the root element. Such a DTD is never fetched, and Rome's own healing reads the HTML
     * entities it would define; dropping the declaration lets Rome go on refusing every DOCTYPE that declares something.
     */
    private static final Pattern EXTERNAL_DTD_ONLY = Pattern.compile(
            "\\A(\\s*(?:<\\?xml[^>]*\\?>)?(?:\\s*<!--(?:(?!-->).)*-->)*\\s*)<!DOCTYPE\\s+[A-Za-z_][\\w.:-]*"
                    + "(?:\\s+(?:PUBLIC\\s+(?:\"[^\"<>\\[]*\"|'[^'<>\\[]*')\\s+|SYSTEM\\s+)(?:\"[^\"<>\\[]*\"|'[^'<>\\[]*'))?"
                    + "\\s*>", Pattern.DOTALL);

    public List<IncomingArticle> parse(FetchedFeed fetched) {
        SyndFeed feed = read(fetched);
        List<IncomingArticle> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = absolute(fetched.url(), entry.getLink());
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

    /** The feed as Rome reads it from the decoded text; {@link UnreadableFeedException} when it cannot. */
    static SyndFeed read(FetchedFeed fetched) {
        try {
            String text = PayloadDecoder.decode(fetched.content(), PayloadDecoder.charsetOf(fetched.contentType()));
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            // the text is decoded already: the declaration must not make the parser decode it again; what XML cannot
            // carry goes at the door anyway, and here it would make the parser refuse every item for one
            text = EXTERNAL_DTD_ONLY.matcher(ENCODING_DECLARATION.matcher(text).replaceFirst("$1")).replaceFirst("$1");
            return input().build(new StringReader(XmlSafeText.cleanDocument(text)));
        } catch (Exception e) {
            throw new UnreadableFeedException("unreadable feed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), fetched);
        }
    }

    /** A relative item link resolved against the feed's http(s) URL; anything else as it is (the gate judges it). */
    private static String absolute(String feedUrl, String link) {
        if (link == null || link.isBlank() || feedUrl == null || !feedUrl.startsWith("http")) {
            return link;
        }
        try {
            URI uri = new URI(link.strip());
            return uri.isAbsolute() ? link : URI.create(feedUrl).resolve(uri).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return link;
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
