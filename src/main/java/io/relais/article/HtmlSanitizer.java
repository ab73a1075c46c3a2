package io.relais.article;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Untrusted HTML to the HTML Relais stores and republishes: jsoup's relaxed safelist (text structure, links,
 * images, tables) plus figures, with only http(s) and mailto links — no script, no style, no event handlers, no
 * {@code javascript:} URLs. Relative links are resolved against the article's URL, or dropped without one.
 */
@Component
public class HtmlSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("figure", "figcaption", "abbr", "mark", "time")
            .addAttributes("time", "datetime")
            .addAttributes("a", "title", "hreflang", "rel");

    private final Document.OutputSettings output = new Document.OutputSettings()
            .prettyPrint(false).escapeMode(Entities.EscapeMode.xhtml).charset("UTF-8");

    public String sanitize(String html, String baseUrl) {
        if (html == null) {
            return "";
        }
        return Jsoup.clean(html, baseUrl == null ? "" : baseUrl, SAFELIST, output).strip();
    }

    /** The visible text of an HTML fragment, whitespace normalised. */
    public String text(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).text();
    }
}
