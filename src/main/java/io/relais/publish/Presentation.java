package io.relais.publish;

import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

import io.relais.publish.FeedView.ContentMode;
import io.relais.translation.PublishedEntry;

/**
 * How much of each entry a feed carries and how: the whole text, a summary or only the title; the French original
 * beside the translation (bilingual, tagged {@code lang="fr"}); whether a correction gives an RSS item a new
 * {@code pubDate} (resurfacing). The public feeds carry everything without resurfacing; a partner chooses. A feed's
 * log records each version with the presentation it was published in, so that an archive page keeps being rendered
 * the way it was written.
 */
public record Presentation(ContentMode content, boolean bilingual, boolean resurface) {

    public static final Presentation FULL = new Presentation(ContentMode.FULL, false, false);

    public Presentation {
        content = content == null ? ContentMode.FULL : content;
    }

    /** What the log stores: null for {@link #FULL}, else e.g. {@code SUMMARY+bilingual}. */
    public String code() {
        if (equals(FULL)) {
            return null;
        }
        return content.name() + (bilingual ? "+bilingual" : "") + (resurface ? "+resurface" : "");
    }

    public static Presentation of(String code) {
        if (code == null || code.isBlank()) {
            return FULL;
        }
        String[] parts = code.split("\\+");
        boolean bilingual = false;
        boolean resurface = false;
        for (int i = 1; i < parts.length; i++) {
            bilingual |= parts[i].equals("bilingual");
            resurface |= parts[i].equals("resurface");
        }
        return new Presentation(ContentMode.valueOf(parts[0].toUpperCase(Locale.ROOT)), bilingual, resurface);
    }

    /**
     * The entry as this presentation carries it: the body only for the whole text (with, bilingual, the French
     * original after it); a summary for the summary (the lead, else the start of the text); for the title alone
     * neither. Bilingual entries get the French as HTML tagged {@code lang="fr"}: a plain-text summary cannot say
     * which language a part of it is in.
     */
    public PublishedEntry apply(PublishedEntry e) {
        if (equals(FULL) || (content == ContentMode.FULL && !bilingual)) {
            return e;
        }
        String summary = switch (content) {
            case FULL -> e.summary();
            case SUMMARY -> e.summary() != null ? e.summary() : blankToNull(shorten(text(e.body())));
            case TITLE -> null;
        };
        String body = content == ContentMode.FULL ? e.body() : null;
        if (bilingual) {
            body = (body == null ? "" : body + "\n<hr/>\n") + french(e);
        }
        return e.withText(e.title(), summary, body);
    }

    private String french(PublishedEntry e) {
        StringBuilder html = new StringBuilder("<div lang=\"fr\" class=\"relais-original\"><p><strong>")
                .append(Entities.escape(e.originalTitle() == null ? "" : e.originalTitle()))
                .append("</strong> (français, original)</p>");
        if (content == ContentMode.FULL) {
            html.append("\n").append(e.originalBody() == null ? "" : e.originalBody());
        } else if (content == ContentMode.SUMMARY) {
            String lead = e.originalSummary() != null ? e.originalSummary() : shorten(text(e.originalBody()));
            if (!lead.isEmpty()) {
                html.append("<p>").append(Entities.escape(lead)).append("</p>");
            }
        }
        return html.append("</div>").toString();
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }

    private static String text(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).text();
    }

    static String shorten(String text) {
        if (text.length() <= 300) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 300);
        return text.substring(0, cut > 200 ? cut : 300) + " …";
    }
}
