package io.relais.publish;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

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

/**
 * Builds a language's feed with Rome. Entry ids are stable per language and article
 * ({@code urn:relais:<lang>:article:<id>}), so a new revision updates the same entry; each entry links to the
 * French original and carries the translated HTML.
 */
@Component
public class FeedBuilder {

    static final String GENERATOR = "Relais";

    private final String baseUrl;

    public FeedBuilder(@Value("${relais.publish.base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String render(String lang, List<PublishedEntry> entries, FeedFormat format) {
        SyndFeed feed = build(lang, entries, format);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the " + lang + " " + format + " feed: " + e.getMessage(), e);
        }
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
            items.add(entry(e));
        }
        feed.setEntries(items);
        return feed;
    }

    private SyndEntry entry(PublishedEntry e) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri("urn:relais:" + e.lang() + ":article:" + e.articleId());
        entry.setTitle(e.title());
        String original = e.originalUrl() != null ? e.originalUrl() : baseUrl + "/api/articles/" + e.articleId();
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
            SyndContent summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(e.summary());
            entry.setDescription(summary);
        }
        entry.setAuthors(List.of(person(e.author() != null ? e.author() : GENERATOR)));
        entry.setPublishedDate(e.publishedAt() != null ? date(e.publishedAt()) : date(e.updatedAt()));
        entry.setUpdatedDate(date(e.updatedAt()));
        return entry;
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
