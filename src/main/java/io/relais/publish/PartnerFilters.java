package io.relais.publish;

import java.util.List;
import java.util.Locale;

import io.relais.publish.FeedView.ContentMode;
import io.relais.translation.PublishedEntry;

import org.jsoup.Jsoup;

/**
 * What a partner receives and how: only entries from these sources / with one of these categories / containing one
 * of these keywords (each empty: no restriction); as title, summary or full content, optionally bilingual (the
 * French original after the translation), and optionally resurfacing (a correction gives the RSS item a new
 * {@code pubDate}). Which translations may be published at all is the partner's {@link PublicationPolicy}.
 */
public record PartnerFilters(List<Long> sources, List<String> categories, List<String> keywords,
                             ContentMode content, boolean bilingual, boolean resurface) {

    public static final PartnerFilters NONE = new PartnerFilters(List.of(), List.of(), List.of(), ContentMode.FULL, false, false);

    public PartnerFilters {
        sources = sources == null ? List.of() : List.copyOf(sources);
        categories = categories == null ? List.of() : categories.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        keywords = keywords == null ? List.of() : keywords.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        content = content == null ? ContentMode.FULL : content;
    }

    /** True when the partner may receive this entry (its filters; the policy is checked apart). */
    public boolean accepts(PublishedEntry e) {
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

    /** How the partner's documents carry each entry. */
    public Presentation presentation() {
        return new Presentation(content, bilingual, resurface);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
