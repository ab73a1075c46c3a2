package io.relais.publish.internal;

import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import io.relais.translation.PublishedEntry;
import io.relais.translation.TargetLanguages;
import io.relais.publish.ArticleLinks;
import io.relais.publish.FeedBuilder;
import io.relais.publish.FeedFormat;
import io.relais.publish.FeedView;
import io.relais.publish.Partner;
import io.relais.publish.Presentation;
import io.relais.publish.PublicTexts;
import io.relais.publish.PublicationPolicy;
import io.relais.publish.PublishSettings;

/**
 * The public documents, rendered once and kept in memory until their language's published set changes: the
 * subscription feeds (newest entries), the archive pages (fixed blocks of the publishing log, RFC 5005), the HTML
 * page of each language, the feeds index and the OPML list. A document that renders to the same bytes as before
 * keeps its Last-Modified time.
 */
@Component
public class FeedDocuments {

    private final EntryLog log;
    private final FeedBuilder builder;
    private final PublishSettings properties;
    private final List<String> languages;
    private final ITemplateEngine templates;
    /**
     * What the documents kept may weigh at most (their bytes, identity and gzipped): the least used are dropped first
     * and rendered again when asked for. Without a bound, clients walking every archive page and article page of every
     * language and partner (a crawler, a partner's backfill) made the cache grow with everything ever published until
     * the heap ran out; the subscription documents, asked for on every poll, stay.
     */
    static final long MAX_CACHED_BYTES = 32L * 1024 * 1024;

    private final Cache<String, Document> kept = Caffeine.newBuilder()
            .maximumWeight(MAX_CACHED_BYTES)
            .weigher((String key, Document d) -> d.weight())
            .executor(Runnable::run)   // evicted in the request that went over the bound, not later on another thread
            .build();
    private final Map<String, Document> cache = kept.asMap();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    private final DocumentStates states;
    private final RecentWithdrawals withdrawals;

    FeedDocuments(EntryLog log, FeedBuilder builder, PublishSettings properties,
                  TargetLanguages languages, ITemplateEngine templates, DocumentStates states,
                  RecentWithdrawals withdrawals) {
        this.states = states;
        this.withdrawals = withdrawals;
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

    /**
     * Forgets the documents of {@code lang} that a change of its published set can change — the subscription
     * documents (public and partners'), the language page — and every article page (they link to each other's
     * languages). Archive pages are kept: a complete page is a fixed block of the append-only log and never changes,
     * so rendering it again on every change (the cost grew with every entry ever published) would give the same bytes.
     */
    public void invalidate(String lang) {
        generation(lang).incrementAndGet();
        generation(PAGE).incrementAndGet();
        cache.keySet().removeIf(key -> key.startsWith(lang + "|") && !isArchivePage(key) || key.startsWith(PAGE + "|"));
    }

    /** The bytes of the documents kept now (for tests: they stay under {@link #MAX_CACHED_BYTES}). */
    long cachedBytes() {
        return kept.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /** A key of {@link #feed} or {@link #partnerFeed} for a page above 0: an archive page. */
    private static boolean isArchivePage(String key) {
        String page = key.substring(key.lastIndexOf('|') + 1);
        return !page.isEmpty() && page.chars().allMatch(Character::isDigit) && !page.equals("0");
    }

    private static final String PAGE = "page";

    /**
     * Where the article pages' cache stands: read it before reading what a page is rendered from, and give it to
     * {@link #page}, so that a page rendered from a log read before a change is not kept after it.
     */
    public long pageGeneration() {
        return generation(PAGE).get();
    }

    /**
     * An article page, rendered by {@code render} unless cached (until the feeds of any language change);
     * {@code generation}: {@link #pageGeneration} before {@code render}'s data was read; {@code changed}: when its
     * content last changed, if known.
     */
    public Document page(String key, long generation, Supplier<String> render, Instant changed) {
        return remember(PAGE + "|" + key, generation,
                () -> new Rendered(render.get(), "text/html;charset=UTF-8", changed));
    }

    /** The public feeds' publication policy. */
    public PublicationPolicy policy() {
        return properties.policy();
    }

    /** The subscription document ({@code page} 0) or an archive page of a language's public feed, if it exists. */
    public Optional<Document> feed(String lang, FeedFormat format, long page) {
        if (!publishes(lang) || page < 0) {
            return Optional.empty();
        }
        Spec spec = new Spec(FeedKeys.publicFeed(lang), lang, "/feeds/" + lang, FeedView.publicId(lang),
                FeedBuilder.title(lang), FeedBuilder.title(lang), properties.hubs());
        return document(lang + "|" + format + "|" + page, spec, format, page);
    }

    /**
     * A partner's document for a language: its own feed (its log: what its policy and filters let through, presented
     * as it asked), with its own id and title, and its archive pages. Cached with the language's other documents;
     * the token is in the document's links, so a rotated token is another document.
     */
    public Optional<Document> partnerFeed(Partner partner, String token, String lang, FeedFormat format, long page) {
        if (!publishes(lang) || page < 0) {
            return Optional.empty();
        }
        String name = partner.name();
        Spec spec = new Spec(FeedKeys.partnerFeed(partner.id(), lang), lang, "/feeds/p/" + token + "/" + lang,
                "urn:relais:partner:" + partner.id() + ":feed:" + lang, FeedBuilder.title(lang) + " · " + name,
                FeedBuilder.title(lang) + " · partner " + partner.id(), properties.partnerHubs());
        String key = lang + "|p|" + partner.id() + "|" + PartnerStore.hash(token).substring(0, 16) + "|"
                + Integer.toHexString(name.hashCode()) + "|" + format + "|" + page;
        return document(key, spec, format, page);
    }

    /**
     * Where a feed's documents are and what they are called: its log, language, path, id, the title of its
     * subscription document and of its archive pages (which never change, so they do not carry a partner's name,
     * which may), and its hubs.
     */
    private record Spec(String feed, String lang, String path, String id, String title, String archiveTitle,
                        List<String> hubs) {
    }

    private Optional<Document> document(String key, Spec spec, FeedFormat format, long page) {
        Document cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        long complete = archivePages(spec.feed());
        if (page > complete) {
            return Optional.empty();
        }
        return Optional.of(remember(key, () -> page == 0 ? subscription(spec, format, complete) : archive(spec, format, page)));
    }

    /** Number of complete, archived pages of a feed. */
    public long archivePages(String feed) {
        return log.versions(feed) / properties.maxEntries();
    }

    /**
     * The subscription document: the feed's newest entries, and the entries withdrawn from it lately
     * ({@link RecentWithdrawals}), all read from the log, so that every node renders the same document.
     */
    private Rendered subscription(Spec spec, FeedFormat format, long complete) {
        EntryLog.Mark mark = log.mark(spec.feed());
        for (int attempt = 1; ; attempt++) {
            List<FeedView.Item> items = log.current(spec.feed(), properties.maxEntries()).stream().map(FeedDocuments::item)
                    .toList();
            List<FeedView.Withdrawal> withdrawn = withdrawals.of(spec.feed(), mark);
            EntryLog.Mark after = log.mark(spec.feed());
            // the entries, the tombstones and the date read between two equal marks: no change of the feed came in
            // between, so the bytes and their Last-Modified belong together (a change in between is read again)
            if (after.equals(mark) || attempt == 3) {
                FeedView view = new FeedView(spec.lang(), items, spec.path(), spec.id(), spec.title(), 0, complete,
                        spec.hubs(), log.since(spec.feed()), withdrawn);
                return new Rendered(builder.render(view, format), format.mediaType() + ";charset=UTF-8",
                        lastChange(after.changedAt(), spec.feed()));
            }
            mark = after;
        }
    }

    /**
     * An archive page: a fixed block of the feed's log, rendered as it was written — the entry versions of that block
     * (the newest of an article's versions when the block holds several: a document names an entry once), whatever
     * happened to them since. A later correction or withdrawal is a new row, in a later page.
     */
    private Rendered archive(Spec spec, FeedFormat format, long page) {
        List<EntryLog.Logged> rows = log.page(spec.feed(), page, properties.maxEntries());
        Map<Long, EntryLog.Logged> newest = new LinkedHashMap<>();
        Instant changed = Instant.EPOCH;
        for (EntryLog.Logged row : rows) {
            newest.remove(row.entry().articleId());
            newest.put(row.entry().articleId(), row);
            changed = max(changed, row.loggedAt());
        }
        List<FeedView.Item> items = new ArrayList<>(newest.values().stream().map(FeedDocuments::item).toList());
        Collections.reverse(items);
        FeedView view = new FeedView(spec.lang(), items, spec.path(), spec.id(), spec.archiveTitle(), page, page - 1,
                List.of(), changed);
        return new Rendered(builder.render(view, format), format.mediaType() + ";charset=UTF-8", changed);
    }

    private static FeedView.Item item(EntryLog.Logged row) {
        return new FeedView.Item(row.presented(), Presentation.of(row.presentation()).resurface());
    }

    /** When a feed last changed: its newest row, or when it began. */
    private Instant lastChange(Instant mark, String feed) {
        return mark.equals(Instant.EPOCH) ? log.since(feed) : mark;
    }

    /** The HTML page of a language: its newest articles and its feeds. */
    public Optional<Document> languagePage(String lang) {
        if (!publishes(lang)) {
            return Optional.empty();
        }
        return Optional.of(remember(lang + "|html", () -> {
            List<PublishedEntry> entries = log.current(FeedKeys.publicFeed(lang), properties.maxEntries()).stream()
                    .map(EntryLog.Logged::entry).toList();
            Context context = new Context(Locale.forLanguageTag(lang));
            context.setVariable("lang", lang);
            context.setVariable("languageName", TargetLanguages.nativeName(lang));
            context.setVariable("entries", entries.stream().map(e -> Map.of("title", e.title(),
                    "url", ArticleLinks.path(e.lang(), e.articleId(), e.title()),
                    "date", (e.publishedAt() != null ? e.publishedAt() : e.updatedAt()).toLocalDate().toString())).toList());
            context.setVariable("publicFeeds", properties.publicFeeds());
            context.setVariable("formats", FeedFormat.values());
            context.setVariable("nothingYet", PublicTexts.get(lang, "page.nothingYet"));
            return new Rendered(templates.process("publish/language", context), "text/html;charset=UTF-8",
                    lastChange(log.mark(FeedKeys.publicFeed(lang)).changedAt(), FeedKeys.publicFeed(lang)));
        }));
    }

    /** {@code /feeds/}: every language with its page and feeds, and the OPML list. */
    public Document index() {
        return remember("index", () -> {
            Context context = new Context(Locale.ENGLISH);
            context.setVariable("languages", languages.stream().map(l -> Map.of("code", l, "name", TargetLanguages.nativeName(l))).toList());
            context.setVariable("publicFeeds", properties.publicFeeds());
            context.setVariable("formats", FeedFormat.values());
            return new Rendered(templates.process("publish/index", context), "text/html;charset=UTF-8", null);
        });
    }

    /** Every public feed of every language as OPML 2.0, for readers that import subscriptions. */
    public Document opml() {
        return remember("opml", () -> new Rendered(Opml.render(properties.baseUrlWithoutSlash(), languages), "text/x-opml;charset=UTF-8",
                null));
    }

    /**
     * The cached document under {@code key}, else rendered now, with the Last-Modified time its bytes have had since
     * they last changed ({@link DocumentStates}). A render that overlapped a change of its language is served but not
     * kept, so that no document from before a change outlives the change.
     */
    private Document remember(String key, Supplier<Rendered> render) {
        return remember(key, generation(group(key)).get(), render);
    }

    /** {@code generation}: of the key's group, read before what {@code render} renders was read. */
    private Document remember(String key, long generation, Supplier<Rendered> render) {
        Document cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        String lang = group(key);
        Rendered r = render.get();
        Instant lastModified = states.lastModified(key, Document.tagOf(r.text()), r.lastModified());
        Document fresh = Document.of(r.text(), r.contentType(), lastModified);
        if (generation(lang).get() == generation) {
            Document raced = cache.putIfAbsent(key, fresh);
            return raced != null ? raced : fresh;
        }
        return fresh;
    }

    /** What a change invalidates a key with: its language, or {@code page} for an article page. */
    private static String group(String key) {
        return key.contains("|") ? key.substring(0, key.indexOf('|')) : "";
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
