package io.relais.publish.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jsoup.Jsoup;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import io.relais.translation.TargetLanguages;
import io.relais.article.Article;
import io.relais.article.HtmlSanitizer;
import io.relais.translation.PublishedEntry;
import io.relais.publish.ArticleLinks;
import io.relais.publish.FeedBuilder;
import io.relais.publish.PublicTexts;
import io.relais.publish.PublishSettings;
import org.springframework.web.util.HtmlUtils;

/**
 * The public page of a published translation ({@code /es/articles/42-el-gato-duerme}) and of its French original
 * ({@code /fr/articles/42-le-chat-dort}, for articles that came without a URL of their own). Only what is published
 * has a page: a withdrawn translation's page answers 410 Gone (one never published, 404).
 */
@Controller
class ArticlePageController {

    private static final Pattern REF = Pattern.compile("(\\d{1,18})(?:-[A-Za-z0-9-]*)?");

    private final EntryLog log;
    private final FeedBuilder builder;
    private final HtmlSanitizer sanitizer;
    private final PublishSettings properties;
    private final FeedDocuments documents;
    private final PartnerStore partners;
    private final ITemplateEngine templates;
    private final DocumentResponder.Headers headers;

    ArticlePageController(EntryLog log, FeedBuilder builder, HtmlSanitizer sanitizer, PublishSettings properties,
                          FeedDocuments documents, PartnerStore partners, ITemplateEngine templates) {
        this.templates = templates;
        this.headers = new DocumentResponder.Headers("public, max-age=" + properties.cacheMaxAge().toSeconds(), List.of());
        this.log = log;
        this.builder = builder;
        this.sanitizer = sanitizer;
        this.properties = properties;
        this.documents = documents;
        this.partners = partners;
    }

    /**
     * The feeds whose entries have pages: every language's public feed and every partner's (a partner's readers follow
     * its entries' links to these pages, whatever the public feeds publish).
     */
    private List<String> feeds() {
        List<String> feeds = new ArrayList<>();
        for (String lang : documents.languages()) {
            feeds.add(FeedKeys.publicFeed(lang));
            partners.reading(lang).forEach(p -> feeds.add(FeedKeys.partnerFeed(p.id(), lang)));
        }
        return feeds;
    }

    /**
     * The page, at its one address: {@code /es/articles/42-el-gato-duerme}. The id finds it; any other slug (an older
     * title's, none at all) is answered 301 with the current address. Rendered once until the feeds change, with a
     * strong ETag, a Last-Modified that moves only when the page does, gzip and 304s, like the feeds.
     */
    @GetMapping("/{lang:[a-z]{2,3}}/articles/{ref}")
    void page(@PathVariable String lang, @PathVariable String ref, HttpServletRequest request,
              HttpServletResponse response) throws IOException {
        Matcher m = REF.matcher(ref);
        if (!m.matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        long articleId = Long.parseLong(m.group(1));
        // before the log is read: a page rendered from versions a change replaced meanwhile must not be kept
        long generation = documents.pageGeneration();
        Map<String, PublishedEntry> versions = log.publishedVersions(articleId, feeds());
        boolean original = lang.equals(Article.SOURCE_LANGUAGE);
        PublishedEntry entry = original ? versions.values().stream().findFirst().orElse(null) : versions.get(lang);
        if (!original && !documents.publishes(lang)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (entry == null) {
            if (log.everPublished(articleId, original ? null : lang)) {
                // published once, in no feed now: withdrawn. Named by its id only: the slug in the address asked
                // for may be the withdrawn title's, and nothing of what was withdrawn is said again
                DocumentResponder.gone(request, response, ArticleLinks.path(lang, articleId, null),
                        "this article was withdrawn: it is no longer published in this language");
                return;
            }
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String path = ArticleLinks.path(lang, articleId, original ? entry.originalTitle() : entry.title());
        if (!request.getRequestURI().equals(path)) {
            DocumentSecurity.apply(response, "text/html");
            response.setHeader("Cache-Control", "public, max-age=" + properties.cacheMaxAge().toSeconds());
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", path);
            return;
        }
        Instant changed = versions.values().stream().map(FeedBuilder::updated).max(Instant::compareTo).orElse(null);
        Document doc = documents.page(lang + "|" + articleId, generation,
                () -> render(lang, articleId, versions, entry), changed);
        DocumentResponder.respond(request, response, doc, headers);
    }

    private String render(String lang, long articleId, Map<String, PublishedEntry> versions, PublishedEntry entry) {
        boolean original = lang.equals(Article.SOURCE_LANGUAGE);
        Map<String, Object> model = new HashMap<>();
        String base = properties.baseUrlWithoutSlash();
        String title = original ? entry.originalTitle() : entry.title();
        String pageLang = original ? Article.SOURCE_LANGUAGE : lang;
        model.put("pageLang", pageLang);
        model.put("entry", entry);
        model.put("machine", !original && !entry.reviewed());
        model.put("translatedBy", original ? null : PublicTexts.get(pageLang, "page.translated",
                "<strong>" + HtmlUtils.htmlEscape(String.valueOf(entry.engine())) + "</strong>",
                "<code>" + HtmlUtils.htmlEscape(String.valueOf(entry.route())) + "</code>"));
        model.put("texts", texts(pageLang));
        model.put("original", original);
        model.put("title", title);
        model.put("lead", original ? entry.originalSummary() : entry.summary());
        model.put("body", belowTheTitle(sanitizer.sanitize(original ? entry.originalBody() : entry.body(),
                entry.originalUrl())));
        model.put("canonical", base + ArticleLinks.path(lang, articleId, title));
        model.put("originalUrl", builder.originalUrl(entry));
        model.put("languageName", TargetLanguages.nativeName(pageLang));
        // the French page has no French feeds to offer: it leads to the list of feeds
        model.put("feedBase", original ? null : base + "/feeds/" + lang + "/");
        model.put("home", original ? "/feeds/" : "/feeds/" + lang + "/");
        model.put("publicFeeds", properties.publicFeeds());
        Instant published = FeedBuilder.published(entry);
        model.put("published", published.toString());
        model.put("publishedText", format(published, pageLang));
        Instant updated = FeedBuilder.updated(entry);
        boolean showUpdated = !original && updated.isAfter(published);
        model.put("updated", showUpdated ? updated.toString() : null);
        model.put("updatedText", showUpdated ? format(updated, pageLang) : null);

        List<Map<String, String>> alternates = new ArrayList<>();
        List<Map<String, String>> others = new ArrayList<>();
        for (PublishedEntry version : versions.values()) {
            Map<String, String> link = Map.of("lang", version.lang(), "url", builder.pageUrl(version),
                    "name", TargetLanguages.nativeName(version.lang()));
            alternates.add(link);
            if (!version.lang().equals(lang)) {
                others.add(link);
            }
        }
        Map<String, String> french = Map.of("lang", Article.SOURCE_LANGUAGE, "url", builder.originalUrl(entry), "name",
                TargetLanguages.nativeName(Article.SOURCE_LANGUAGE));
        alternates.add(french);
        // readers whose language is none of these: the French original, where the article comes from
        alternates.add(Map.of("lang", "x-default", "url", builder.originalUrl(entry), "name", french.get("name")));
        if (!original) {
            others.add(french);
        }
        model.put("alternates", alternates);
        model.put("otherLanguages", others);
        Context context = new Context(Locale.forLanguageTag(pageLang), model);
        return templates.process("publish/article", context);
    }

    /** The page's one H1 is the article's title: headings of the first level in the body become the second. */
    static String belowTheTitle(String body) {
        if (body == null || !body.contains("<h1")) {
            return body;
        }
        var fragment = Jsoup.parseBodyFragment(body);   // (a jsoup Document, not publish's own Document)
        fragment.outputSettings().prettyPrint(false);
        fragment.select("h1").tagName("h2");
        return fragment.body().html();
    }

    /** The page's words in its own language (see {@link PublicTexts}). */
    private static Map<String, String> texts(String lang) {
        Map<String, String> texts = new HashMap<>();
        for (String key : List.of("machine.notice", "page.reviewed", "page.notReviewed", "page.readOriginal",
                "page.published", "page.updated", "page.originalArticle", "page.firstPublishedAt", "page.otherLanguages")) {
            texts.put(key.replace('.', '_'), PublicTexts.get(lang, key));
        }
        return texts;
    }

    /** A date as the page's language writes it, with its time zone (UTC): {@code 20 de noviembre de 2026, 8:05:00 UTC}. */
    static String format(Instant time, String lang) {
        return time.atZone(ZoneId.of("UTC"))
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(Locale.forLanguageTag(lang)));
    }
}
