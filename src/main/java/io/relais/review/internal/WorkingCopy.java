package io.relais.review.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.relais.translation.Translation;

/**
 * The text an editor works on: the translation's, with the cells edited since it was stored (the draft). Nothing of
 * it is published before an editor stores it (approval, a published correction).
 *
 * @param baseVersion the translation's version the draft was started on
 * @param seq         one more at each save of the draft (0: no draft); what a page has seen of it
 * @param savedBy     who saved the draft last (null without a draft)
 */
record WorkingCopy(long translationId, int baseVersion, String title, String summary, String body, int seq,
                   String savedBy, OffsetDateTime savedAt) {

    /** The translation's text, no draft. */
    static WorkingCopy of(Translation t) {
        return new WorkingCopy(t.id(), t.version(), t.title(), t.summary(), Cells.normalised(t.body()), 0, null, null);
    }

    public boolean draft() {
        return seq > 0;
    }

    /** The text of a cell ({@code title}, {@code summary}, {@code body:N}) or of the whole body ({@code body}). */
    String text(String key) {
        return switch (key) {
            case Cells.TITLE -> title == null ? "" : title;
            case Cells.SUMMARY -> summary == null ? "" : summary;
            case Cells.BODY -> body == null ? "" : body;
            default -> Cells.cell(body, Cells.index(key));
        };
    }

    WorkingCopy with(String key, String text) {
        return switch (key) {
            case Cells.TITLE -> new WorkingCopy(translationId, baseVersion, text, summary, body, seq, savedBy, savedAt);
            case Cells.SUMMARY -> new WorkingCopy(translationId, baseVersion, title, text, body, seq, savedBy, savedAt);
            case Cells.BODY -> new WorkingCopy(translationId, baseVersion, title, summary, Cells.normalised(text), seq,
                    savedBy, savedAt);
            default -> new WorkingCopy(translationId, baseVersion, title, summary,
                    Cells.replace(body, Cells.index(key), text), seq, savedBy, savedAt);
        };
    }

    WorkingCopy saved(String user, OffsetDateTime at) {
        return new WorkingCopy(translationId, baseVersion, title, summary, body, seq + 1, user, at);
    }

    /** Whether this text is the translation's (as the workbench writes it). */
    boolean sameText(Translation t) {
        return Objects.equals(blankless(title), blankless(t.title())) && Objects.equals(blankless(summary), blankless(t.summary()))
                && Objects.equals(blankless(body), blankless(Cells.normalised(t.body())));
    }

    /**
     * The keys of the cells a page shows: the title, the summary when either side has one, and as many body cells as
     * the longer of the French and the translation.
     */
    List<String> keys(int frenchCells, boolean frenchSummary) {
        List<String> keys = new ArrayList<>();
        keys.add(Cells.TITLE);
        if (frenchSummary || (summary != null && !summary.isBlank())) {
            keys.add(Cells.SUMMARY);
        }
        int cells = Math.max(frenchCells, Cells.cells(body).size());
        for (int i = 0; i < cells; i++) {
            keys.add(Cells.bodyKey(i));
        }
        return keys;
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? "" : text;
    }
}
