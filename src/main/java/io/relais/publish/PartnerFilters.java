package io.relais.publish;

import java.util.List;
import java.util.Locale;

import io.relais.translation.PublishedEntry;
import io.relais.publish.FeedView.ContentMode;

import org.jsoup.Jsoup;

/**
 * What a partner receives: only entries from these sources / with one of these categories / containing one of these
 * keywords (each empty: no restriction), only those an editor reviewed, as title, summary or full content, and
 * optionally bilingual (the French original after the translation).
 */
public record PartnerFilters(List<Long> sources, List<String> categories, List<String> keywords, boolean reviewedOnly,
                             ContentMode content, boolean bilingual) {

    public static final PartnerFilters NONE = new PartnerFilters(List.of(), List.of(), List.of(), false, ContentMode.FULL, false);

    public PartnerFilters {
        sources = sources == null ? List.of() : List.copyOf(sources);
        categories = categories == null ? List.of() : categories.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        keywords = keywords == null ? List.of() : keywords.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        content = content == null ? ContentMode.FULL : content;
    }

    /** True when the partner may receive this entry. */
    public boolean accepts(PublishedEntry e) {
        if (reviewedOnly && !e.reviewed()) {
            return false;
        }
        if (!sources.isEmpty() && !sources.contains(e.sourceId())) {
            return false;
        }
        if (!categories.isEmpty() && e.categories().stream().noneMatch(c -> categories.stream().anyMatch(c::equalsIgnoreCase))) {
            return false;
        }
        if (!keywords.isEmpty()) {
            String text = (nz(e.title()) + "\n" + nz(e.summary()) + "\n" + Jsoup.parseBodyFragment(nz(e.body())).text()
                    + "\n" + nz(e.originalTitle())).toLowerCase(Locale.ROOT);
            return keywords.stream().anyMatch(k -> text.contains(k.toLowerCase(Locale.ROOT)));
        }
        return true;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
