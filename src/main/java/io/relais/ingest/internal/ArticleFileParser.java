package io.relais.ingest.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.select.Elements;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an article from a dropped file: {@code .html} (title from {@code <title>} or {@code <h1>}, body from the
 * main content), {@code .txt} (first line is the title, blank lines separate paragraphs), {@code .json}
 * ({@code title}, {@code body}, optional {@code url}, {@code summary}, {@code author}, {@code published}).
 */
@Component
public class ArticleFileParser {

    private static final String BOILERPLATE = "script, style, noscript, template, iframe, nav, header, footer, aside, "
            + "form, button, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], .share, .social, "
            + ".comments, #comments, .related, .advert, .ad, .ads, .newsletter, .cookie, .breadcrumb";

    /** Lines French news pages repeat around every article: removed wherever they stand alone in an element. */
    private static final Pattern BOILERPLATE_TEXT = Pattern.compile(
            "(?i)^\\s*(publicité|pub|articles? similaires|à lire aussi|lire aussi|sur le même sujet|"
                    + "laisser un commentaire|\\d+ commentaires?|commentaires|partager( sur [a-z]+)?|"
                    + "bouton retour en haut de la page|retour en haut( de la page)?|abonnez-vous.*|"
                    + "inscrivez-vous à notre newsletter.*|nous utilisons des cookies.*|accepter( les cookies)?|"
                    + "vous devez être connecté.*|votre adresse e-mail ne sera pas publiée.*)\\s*[.:!]?\\s*$");

    private final JsonMapper json = JsonMapper.builder().build();

    public ParsedDocument parseHtml(String html, String baseUrl) {
        Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
        doc.outputSettings().prettyPrint(false);
        Element h1 = doc.selectFirst("article h1, main h1, h1");
        String title = h1 != null && !h1.text().isBlank() ? h1.text() : doc.title();
        String url = meta(doc, "meta[property=og:url]", "link[rel=canonical]");
        String author = meta(doc, "meta[name=author]", "meta[property=article:author]");
        String published = meta(doc, "meta[property=article:published_time]", "time[datetime]");
        String description = meta(doc, "meta[name=description]", "meta[property=og:description]");

        String lead = text(doc.selectFirst(".chapo, .lead, .standfirst, .article__lead, .article-lead, .chapeau, "
                + "[itemprop=description]"));
        Element heroFigure = doc.selectFirst("article figure, main figure, [itemtype*=Article] figure, figure.main-image");
        String ogImage = meta(doc, "meta[property=og:image]");
        doc.select(BOILERPLATE).remove();
        for (Element e : doc.body().select("p, div, span, section, h2, h3, h4, li, a, strong")) {
            String text = e.text();
            if (e.parent() != null && text.length() <= 120 && BOILERPLATE_TEXT.matcher(text).matches()) {
                e.remove();
            }
        }
        Element main = mainContent(doc);
        if (h1 != null) {
            main.select("h1").stream().filter(e -> e.text().equals(h1.text())).forEach(Element::remove);
        }
        if (lead != null) {
            main.select(".chapo, .lead, .standfirst, .article__lead, .article-lead, .chapeau, [itemprop=description]")
                    .remove();
        }
        // the main image, when the body element does not hold it (a hero figure above the text, or only og:image)
        if (main.selectFirst("img") == null) {
            if (heroFigure != null && heroFigure.selectFirst("img") != null) {
                main.prependChild(heroFigure.clone());
            } else if (ogImage != null) {
                main.prepend("<figure><img src=\"" + Entities.escape(ogImage) + "\" alt=\"\"></figure>");
            }
        }
        return new ParsedDocument(title, lead != null ? lead : description, main.html(), url, author, parseDate(published));
    }

    /** The element holding the article: {@code <article>}, {@code <main>}, or the one with the most paragraph text. */
    private static Element mainContent(Document doc) {
        Element explicit = doc.selectFirst("[itemprop=articleBody], .entry-content, .article-content, .article__content, "
                + "article, main, [role=main]");
        if (explicit != null) {
            return explicit;
        }
        Element best = doc.body();
        int bestLength = 0;
        for (Element candidate : doc.body().select("div, section")) {
            int length = candidate.select("> p").text().length();
            if (length > bestLength) {
                best = candidate;
                bestLength = length;
            }
        }
        return best;
    }

    private static String text(Element element) {
        return element == null || element.text().isBlank() ? null : element.text().strip();
    }

    private static String meta(Document doc, String... selectors) {
        for (String selector : selectors) {
            Elements found = doc.select(selector);
            for (Element e : found) {
                String value = e.hasAttr("content") ? e.attr("content")
                        : e.hasAttr("datetime") ? e.attr("datetime") : e.attr("abs:href");
                if (!value.isBlank()) {
                    return value;
                }
            }
        }
        return null;
    }

    public ParsedDocument parseText(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        int firstBreak = normalised.indexOf('\n');
        String title = firstBreak < 0 ? normalised : normalised.substring(0, firstBreak).strip();
        String rest = firstBreak < 0 ? "" : normalised.substring(firstBreak + 1);
        String body = Arrays.stream(rest.split("\n\\s*\n"))
                .map(p -> p.strip().replaceAll("\\s*\n\\s*", " "))
                .filter(p -> !p.isEmpty())
                .map(p -> "<p>" + Entities.escape(p) + "</p>")
                .collect(Collectors.joining());
        return new ParsedDocument(title, null, body, null, null, null);
    }

    public ParsedDocument parseJson(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException broken) {
            // one line with the place, not the parser's multi-line message (which reads like a stack trace in the log)
            var at = broken.getLocation();
            throw new IllegalArgumentException("not valid JSON: " + broken.getOriginalMessage()
                    + (at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a JSON article is an object with at least \"title\" and \"body\"");
        }
        String body = string(node, "body");
        if (body != null && !body.contains("<")) {
            body = parseText("x\n" + body).bodyHtml();   // plain text body: paragraphs from blank lines
        }
        return new ParsedDocument(string(node, "title"), string(node, "summary"), body, string(node, "url"),
                string(node, "author"), parseDate(string(node, "published")));
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static OffsetDateTime parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.strip()).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
