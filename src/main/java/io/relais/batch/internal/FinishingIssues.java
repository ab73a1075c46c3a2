package io.relais.batch.internal;

import java.util.List;

import io.relais.translation.StoredIssue;
import io.relais.translate.Correction;
import io.relais.translate.TranslatedText;

/**
 * The corrections the target-language finishing made, stored as quality issues of the {@code finishing} checker so
 * that editors see what was changed after the engine: the offsets point at the corrected text in the field.
 */
final class FinishingIssues {

    private FinishingIssues() {
    }

    static void add(String field, TranslatedText text, String plain, List<StoredIssue> into) {
        int from = 0;
        for (Correction c : text.corrections()) {
            int at = plain.indexOf(c.replacement(), from);
            if (at < 0) {
                at = Math.max(0, plain.indexOf(c.replacement()));
            }
            int end = Math.min(plain.length(), at + c.replacement().length());
            into.add(new StoredIssue(Correction.CHECKER, field, c.rule(), c.message() + " (was: " + c.original() + ")",
                    at, end, c.replacement(), "correction"));
            from = at;
        }
    }
}
