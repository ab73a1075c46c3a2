package io.relais.publish.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import io.relais.publish.Partner;
import io.relais.publish.PartnerFilters;
import io.relais.translation.PublishedEntry;
import io.relais.translation.TargetLanguages;
import io.relais.publish.ArticleLinks;
import io.relais.publish.FeedBuilder;
import io.relais.publish.FeedFormat;
import io.relais.publish.FeedView;
import io.relais.publish.PublishSettings;

/**
 * The public documents, rendered once and kept in memory until their language's published set changes: the
 * subscription feeds (newest entries), the archive pages (fixed blocks of the publishing log, RFC 5005), the HTML
 * page of each language, the feeds index and the OPML list. A document that renders to the same bytes as before
 * keeps its Last-Modified time.
 */
@Component
public class FeedDocuments {

    /** How many of a language's newest entries a partner's filters are applied to. */
    private static final int PARTNER_SCAN = 5000;

    private final EntryLog log;
    private final FeedBuilder builder;
    private final PublishSettings properties;
    private final List<String> languages;
    private final ITemplateEngine templates;
    private final Map<String, Document> cache = new ConcurrentHashMap<>();
    /** The last document rendered under each key, kept across invalidations to keep Last-Modified when bytes don't change. */
    private final Map<String, Document> previous = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    FeedDocuments(EntryLog log, FeedBuilder builder, PublishSettings properties,
                  TargetLanguages languages, ITemplateEngine templates) {
        this.log = log;
        this.builder = builder;
        this.properties = properties;
        this.languages = languages == null ? List.of() : languages.languages();
        this.templates = templates;
    }

    public List<String> languages() {
        return languages;
    }

    public boolean publishes(String lang) {
        return languages.contains(lang);
    }

    /** Forgets every document of {@code lang} (and the lists that show its entries). */
    public void invalidate(String lang) {
        generation(lang).incrementAndGet();
        cache.keySet().removeIf(key -> key.startsWith(lang + "|"));
    }

    /** The subscription document ({@code page} 0) or an archive page of a language, if it exists. */
    public Optional<Document> feed(String lang, FeedFormat format, long page) {
        if (!publishes(lang) || page < 0) {
            return Optional.empty();
        }
        String key = lang + "|" + format + "|" + page;
        Document cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        long complete = archivePages(lang);
        if (page > complete) {
            return Optional.empty();
        }
        return Optional.of(remember(key, () -> page == 0 ? subscription(lang, format, complete) : archive(lang, format, page, complete)));
    }

    /**
     * A partner's document for a language: the newest entries its filters accept, with its content settings. Cached
     * with the language's other documents and keyed by the partner's settings, so an edit takes effect at once.
     */
    public Document partnerFeed(Partner partner, String token, String lang, FeedFormat format) {
        PartnerFilters filters = partner.filters();
        // the token is in the document's own links: a rotated token is another document
        String key = lang + "|p|" + partner.id() + "|" + PartnerStore.hash(token).substring(0, 16) + "|"
                + Integer.toHexString(filters.hashCode()) + "|" + format;
        return remember(key, () -> {
            List<PublishedEntry> entries = log.current(lang, PARTNER_SCAN).stream().map(EntryLog.Logged::entry)
                    .filter(filters::accepts).limit(properties.maxEntries()).toList();
            FeedView view = new FeedView(lang, entries, "/feeds/p/" + token + "/" + lang, 0, 0, 0, List.of(),
                    filters.content(), filters.bilingual());
            return new Rendered(builder.render(view, format), format.mediaType() + ";charset=UTF-8", log.mark(lang).changedAt());
        });
    }

    /** Number of complete, archived pages of a language. */
    public long archivePages(String lang) {
        return log.versions(lang) / properties.maxEntries();
    }

    private Rendered subscription(String lang, FeedFormat format, long complete) {
        List<PublishedEntry> entries = log.current(lang, properties.maxEntries()).stream().map(EntryLog.Logged::entry).toList();
        FeedView view = new FeedView(lang, entries, "/feeds/" + lang, 0, complete, 0, properties.hubs(),
                FeedView.ContentMode.FULL, false);
        return new Rendered(builder.render(view, format), format.mediaType() + ";charset=UTF-8", log.mark(lang).changedAt());
    }

    private Rendered archive(String lang, FeedFormat format, long page, long complete) {
        Map<Long, Instant> withdrawn = log.withdrawn(lang);
        List<EntryLog.Logged> rows = log.page(lang, page, properties.maxEntries());
        Instant changed = Instant.EPOCH;
        List<PublishedEntry> entries = new ArrayList<>();
        for (EntryLog.Logged row : rows) {
            Instant withdrawal = withdrawn.get(row.entry().articleId());
            if (withdrawal != null) {
                // a withdrawn translation is not served again, not even from the archives
                changed = max(changed, withdrawal);
                continue;
            }
            changed = max(changed, row.loggedAt());
            entries.add(row.entry());
        }
        Collections.reverse(entries);
        FeedView view = new FeedView(lang, entries, "/feeds/" + lang, page, page - 1, page < complete ? page + 1 : 0,
                List.of(), FeedView.ContentMode.FULL, false);
        return new Rendered(builder.render(view, format), format.mediaType() + ";charset=UTF-8", changed);
    }

    /** The HTML page of a language: its newest articles and its feeds. */
    public Optional<Document> languagePage(String lang) {
        if (!publishes(lang)) {
            return Optional.empty();
        }
        return Optional.of(remember(lang + "|html", () -> {
            List<PublishedEntry> entries = log.current(lang, properties.maxEntries()).stream().map(EntryLog.Logged::entry).toList();
            Context context = new Context(Locale.forLanguageTag(lang));
            context.setVariable("lang", lang);
            context.setVariable("languageName", TargetLanguages.nativeName(lang));
            context.setVariable("entries", entries.stream().map(e -> Map.of("title", e.title(),
                    "url", ArticleLinks.path(e.lang(), e.articleId(), e.title()),
                    "date", (e.publishedAt() != null ? e.publishedAt() : e.updatedAt()).toLocalDate().toString())).toList());
            context.setVariable("publicFeeds", properties.publicFeeds());
            context.setVariable("formats", FeedFormat.values());
            return new Rendered(templates.process("publish/language", context), "text/html;charset=UTF-8",
                    log.mark(lang).changedAt());
        }));
    }

    /** {@code /feeds/}: every language with its page and feeds, and the OPML list. */
    public Document index() {
        return remember("index", () -> {
            Context context = new Context(Locale.ENGLISH);
            context.setVariable("languages", languages.stream().map(l -> Map.of("code", l, "name", TargetLanguages.nativeName(l))).toList());
            context.setVariable("publicFeeds", properties.publicFeeds());
            context.setVariable("formats", FeedFormat.values());
            return new Rendered(templates.process("publish/index", context), "text/html;charset=UTF-8", Instant.EPOCH);
        });
    }

    /** Every public feed of every language as OPML 2.0, for readers that import subscriptions. */
    public Document opml() {
        return remember("opml", () -> new Rendered(Opml.render(properties.baseUrlWithoutSlash(), languages), "text/x-opml;charset=UTF-8",
                Instant.EPOCH));
    }

    /**
     * The cached document under {@code key}, else rendered now. A render that overlapped a change of its language
     * is served but not kept, so that no document from before a change outlives the change.
     */
    private Document remember(String key, Supplier<Rendered> render) {
        Document cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        String lang = key.contains("|") ? key.substring(0, key.indexOf('|')) : "";
        long generation = generation(lang).get();
        Rendered r = render.get();
        Document fresh = Document.of(r.text(), r.contentType(), r.lastModified());
        Document before = previous.get(key);
        if (fresh.sameAs(before) && before.lastModified().isBefore(fresh.lastModified())) {
            fresh = before;
        }
        previous.put(key, fresh);
        if (generation(lang).get() == generation) {
            Document raced = cache.putIfAbsent(key, fresh);
            return raced != null ? raced : fresh;
        }
        return fresh;
    }

    private AtomicLong generation(String lang) {
        return generations.computeIfAbsent(lang, l -> new AtomicLong());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Rendered(String text, String contentType, Instant lastModified) {
    }
}
