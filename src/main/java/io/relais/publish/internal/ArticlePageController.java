package io.relais.publish.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.jsoup.Jsoup;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import io.relais.article.Article;
import io.relais.translation.TargetLanguages;
import io.relais.article.HtmlSanitizer;
import io.relais.translation.PublishedEntry;
import io.relais.publish.ArticleLinks;
import io.relais.publish.FeedBuilder;
import io.relais.publish.PublishSettings;

/**
 * The public page of a published translation ({@code /es/articles/42-el-gato-duerme}) and of its French original
 * ({@code /fr/articles/42-le-chat-dort}, for articles that came without a URL of their own). Only what is published
 * has a page: a withdrawn translation's page answers 404.
 */
@Controller
class ArticlePageController {

    private static final Pattern REF = Pattern.compile("(\\d{1,18})(?:-[A-Za-z0-9-]*)?");

    private final EntryLog log;
    private final FeedBuilder builder;
    private final HtmlSanitizer sanitizer;
    private final PublishSettings properties;
    private final FeedDocuments documents;

    ArticlePageController(EntryLog log, FeedBuilder builder, HtmlSanitizer sanitizer, PublishSettings properties,
                          FeedDocuments documents) {
        this.log = log;
        this.builder = builder;
        this.sanitizer = sanitizer;
        this.properties = properties;
        this.documents = documents;
    }

    @GetMapping("/{lang:[a-z]{2,3}}/articles/{ref}")
    String page(@PathVariable String lang, @PathVariable String ref, Model model, HttpServletResponse response) {
        Matcher m = REF.matcher(ref);
        if (!m.matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        long articleId = Long.parseLong(m.group(1));
        Map<String, PublishedEntry> versions = log.publishedVersions(articleId);
        boolean original = lang.equals(Article.SOURCE_LANGUAGE);
        PublishedEntry entry = original ? versions.values().stream().findFirst().orElse(null) : versions.get(lang);
        if (entry == null || (!original && !documents.publishes(lang))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String base = properties.baseUrlWithoutSlash();
        String title = original ? entry.originalTitle() : entry.title();
        model.addAttribute("entry", entry);
        model.addAttribute("original", original);
        model.addAttribute("pageLang", original ? Article.SOURCE_LANGUAGE : lang);
        model.addAttribute("title", title);
        model.addAttribute("lead", original ? entry.originalSummary() : entry.summary());
        model.addAttribute("body", belowTheTitle(sanitizer.sanitize(original ? entry.originalBody() : entry.body(),
                entry.originalUrl())));
        model.addAttribute("canonical", base + ArticleLinks.path(lang, articleId, title));
        model.addAttribute("originalUrl", builder.originalUrl(entry));
        model.addAttribute("languageName", TargetLanguages.nativeName(original ? Article.SOURCE_LANGUAGE : lang));
        model.addAttribute("feedBase", base + "/feeds/" + (original ? versions.keySet().iterator().next() : lang) + "/");
        model.addAttribute("publicFeeds", properties.publicFeeds());
        OffsetDateTime published = entry.publishedAt();
        model.addAttribute("published", published == null ? null : published.toInstant().toString());
        model.addAttribute("publishedText", published == null ? null : format(published, lang));
        boolean updated = !original && (published == null || entry.updatedAt().isAfter(published));
        model.addAttribute("updated", updated ? entry.updatedAt().toInstant().toString() : null);
        model.addAttribute("updatedText", updated ? format(entry.updatedAt(), lang) : null);

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
        if (!original) {
            others.add(french);
        }
        model.addAttribute("alternates", alternates);
        model.addAttribute("otherLanguages", others);
        response.setHeader("Cache-Control", "public, max-age=" + properties.cacheMaxAge().toSeconds());
        DocumentSecurity.apply(response, "text/html");
        return "publish/article";
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

    private static String format(OffsetDateTime time, String lang) {
        return time.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag(lang)));
    }
}
