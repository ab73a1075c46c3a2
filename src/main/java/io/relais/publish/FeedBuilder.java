package io.relais.publish;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import io.relais.article.PublishedEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a language's feed with Rome. Entry ids are stable per language and article
 * ({@code urn:relais:<lang>:article:<id>}), so a new revision updates the same entry; each entry links to the
 * French original and carries the translated HTML.
 */
@Component
public class FeedBuilder {

    static final String GENERATOR = "Relais";
    private static final Logger log = LoggerFactory.getLogger(FeedBuilder.class);

    private final String baseUrl;
    private final JsonMapper json = JsonMapper.builder().build();

    public FeedBuilder(@Value("${relais.publish.base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String render(String lang, List<PublishedEntry> entries, FeedFormat format) {
        if (format == FeedFormat.JSON) {
            return jsonFeed(lang, entries);
        }
        try {
            return write(build(lang, entries, format));
        } catch (FeedException | RuntimeException e) {
            // one bad entry (a character XML cannot carry...) must not take the whole feed down: drop it, say why
            List<PublishedEntry> writable = new ArrayList<>();
            for (PublishedEntry entry : entries) {
                try {
                    write(build(lang, List.of(entry), format));
                    writable.add(entry);
                } catch (FeedException | RuntimeException bad) {
                    log.error("Entry urn:relais:{}:article:{} left out of the {} {} feed: {}", lang, entry.articleId(),
                            lang, format, bad.getMessage());
                }
            }
            try {
                return write(build(lang, writable, format));
            } catch (FeedException stillBroken) {
                throw new IllegalStateException("cannot write the " + lang + " " + format + " feed: "
                        + stillBroken.getMessage(), stillBroken);
            }
        }
    }

    private static String write(SyndFeed feed) throws FeedException {
        return new SyndFeedOutput().outputString(feed, true);
    }

    SyndFeed build(String lang, List<PublishedEntry> entries, FeedFormat format) {
        Locale locale = Locale.forLanguageTag(lang);
        String languageName = locale.getDisplayLanguage(locale);
        String feedUrl = baseUrl + "/feeds/" + lang + "/" + format.fileName();

        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType());
        feed.setTitle("Relais — " + languageName);
        feed.setDescription("French news translated into " + locale.getDisplayLanguage(Locale.ENGLISH)
                + " by Relais (machine translation, checked by LanguageTool; doubtful translations reviewed by editors)");
        feed.setLanguage(lang);
        feed.setUri("urn:relais:feed:" + lang);
        feed.setLink(baseUrl + "/feeds/" + lang + "/");
        feed.setGenerator(GENERATOR);
        feed.setAuthors(List.of(person(GENERATOR)));
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(feedUrl);
        self.setType(format.mediaType());
        SyndLink site = new SyndLinkImpl();
        site.setRel("alternate");
        site.setHref(baseUrl + "/feeds/" + lang + "/");
        feed.setLinks(List.of(self, site));
        feed.setPublishedDate(entries.stream().map(PublishedEntry::updatedAt).max(OffsetDateTime::compareTo)
                .map(FeedBuilder::date).orElse(new Date(0)));

        List<SyndEntry> items = new ArrayList<>();
        for (PublishedEntry e : entries) {
            items.add(entry(e, format));
        }
        feed.setEntries(items);
        return feed;
    }

    private SyndEntry entry(PublishedEntry e, FeedFormat format) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri("urn:relais:" + e.lang() + ":article:" + e.articleId());
        entry.setTitle(e.title());
        String original = originalLink(e);
        entry.setLink(original);
        SyndLink link = new SyndLinkImpl();
        link.setRel("alternate");
        link.setHref(original);
        link.setHreflang("fr");
        link.setTitle(e.originalTitle());
        entry.setLinks(List.of(link));

        SyndContent content = new SyndContentImpl();
        content.setType("html");
        content.setValue(e.body());
        entry.setContents(List.of(content));
        if (e.summary() != null) {
            // summaries are plain text; RSS readers read <description> as HTML, so there it is HTML-escaped first
            SyndContent summary = new SyndContentImpl();
            summary.setType(format == FeedFormat.RSS ? "html" : "text");
            summary.setValue(format == FeedFormat.RSS ? HtmlUtils.htmlEscape(e.summary(), "UTF-8") : e.summary());
            entry.setDescription(summary);
        }
        String author = e.author() != null ? e.author() : GENERATOR;
        entry.setAuthors(List.of(person(author)));
        entry.setAuthor(author);   // RSS 2.0 has no author name element: Rome writes it as dc:creator
        entry.setPublishedDate(e.publishedAt() != null ? date(e.publishedAt()) : date(e.updatedAt()));
        entry.setUpdatedDate(date(e.updatedAt()));
        return entry;
    }

    /** The same feed as JSON Feed 1.1, with Relais's translation details in an {@code _relais} extension. */
    private String jsonFeed(String lang, List<PublishedEntry> entries) {
        Locale locale = Locale.forLanguageTag(lang);
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", "Relais — " + locale.getDisplayLanguage(locale));
        feed.put("home_page_url", baseUrl + "/feeds/" + lang + "/");
        feed.put("feed_url", baseUrl + "/feeds/" + lang + "/" + FeedFormat.JSON.fileName());
        feed.put("description", "French news translated into " + locale.getDisplayLanguage(Locale.ENGLISH) + " by Relais");
        feed.put("language", lang);
        feed.put("authors", List.of(Map.of("name", GENERATOR)));
        List<Map<String, Object>> items = new ArrayList<>();
        for (PublishedEntry e : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", "urn:relais:" + e.lang() + ":article:" + e.articleId());
            item.put("url", originalLink(e));
            item.put("title", e.title());
            item.put("content_html", e.body());
            if (e.summary() != null) {
                item.put("summary", e.summary());
            }
            item.put("date_published", (e.publishedAt() != null ? e.publishedAt() : e.updatedAt()).toInstant().toString());
            item.put("date_modified", e.updatedAt().toInstant().toString());
            item.put("authors", List.of(Map.of("name", e.author() != null ? e.author() : GENERATOR)));
            item.put("language", e.lang());
            Map<String, Object> relais = new LinkedHashMap<>();
            relais.put("original_title", e.originalTitle());
            relais.put("original_language", "fr");
            relais.put("revision", e.revision());
            relais.put("engine", e.engine());
            relais.put("route", e.route());
            relais.put("quality_score", e.qualityScore());
            relais.put("state", e.state().name());
            item.put("_relais", relais);
            items.add(item);
        }
        feed.put("items", items);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(feed);
    }

    /** The French original's http(s) link (checked again here: stored data may predate the check at the door). */
    private String originalLink(PublishedEntry e) {
        String url = e.originalUrl();
        boolean web = url != null && url.strip().toLowerCase(Locale.ROOT).matches("https?://.+");
        return web ? url.strip() : baseUrl + "/api/articles/" + e.articleId();
    }

    private static SyndPerson person(String name) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(name);
        return person;
    }

    private static Date date(OffsetDateTime time) {
        return Date.from(time.toInstant());
    }
}
