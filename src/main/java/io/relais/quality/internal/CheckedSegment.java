package io.relais.quality.internal;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;

import io.relais.article.Article;
import io.relais.engine.TextFormat;
import io.relais.engine.UnknownMarks;

/**
 * One translated segment as the MT checks see it: the French source and the translation as plain text (issue
 * offsets are into {@link #targetText}), their HTML when the segment is HTML (for markup parity), the target
 * language, the hops of the route it took, the engine's unknown-word marks and the protected terms of the target.
 */
public record CheckedSegment(String sourceText, String targetText, String sourceHtml, String targetHtml, String lang,
                             List<String> hops, UnknownMarks marks, Map<String, String> terms) {

    public CheckedSegment {
        hops = hops == null ? List.of() : List.copyOf(hops);
        marks = marks == null ? UnknownMarks.NONE : marks;
        terms = terms == null ? Map.of() : terms;
    }

    public static CheckedSegment of(String source, String target, TextFormat format, String lang, String route,
                                    UnknownMarks marks, Map<String, String> terms) {
        List<String> hops = route == null || route.isBlank() ? List.of(Article.SOURCE_LANGUAGE, lang) : List.of(route.split(">"));
        if (format == TextFormat.HTML) {
            return new CheckedSegment(plain(source), plain(target), source, target, lang, hops, marks, terms);
        }
        return new CheckedSegment(source, target, null, null, lang, hops, marks, terms);
    }

    /** The languages the text went through between French and the target, e.g. {@code [es]} for fr>es>en. */
    public List<String> pivots() {
        return hops.size() <= 2 ? List.of() : hops.subList(1, hops.size() - 1);
    }

    public boolean html() {
        return targetHtml != null;
    }

    static String plain(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).text();
    }
}
