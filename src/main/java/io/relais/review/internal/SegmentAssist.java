package io.relais.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.relais.article.Article;
import io.relais.engine.finishing.Correction;
import io.relais.quality.SegmentCheck;
import io.relais.quality.SegmentCheckRequest;
import io.relais.quality.SegmentReport;
import io.relais.terminology.FixOrigin;
import io.relais.terminology.LearnedFixes;
import io.relais.terminology.SegmentSuggestions;
import io.relais.terminology.SegmentText;
import io.relais.terminology.SuggestionRequest;
import io.relais.terminology.Suggestions;
import io.relais.translation.StoredIssue;
import io.relais.translation.Translation;
import io.relais.translation.Translations;

/**
 * What the workbench asks of the quality and terminology modules for one cell: its checks (on the exact text on
 * screen: every offset and fix belongs to that text's fingerprint), its suggestions (memory, glossary, editors'
 * earlier fixes), and the fixes an editor's change teaches (propagated to the other cells and to later articles).
 */
@Component
class SegmentAssist {

    private static final Logger log = LoggerFactory.getLogger(SegmentAssist.class);

    /** The tail the batch writes after a correction's reason: ("X" → "Y"). */
    private static final Pattern CORRECTED = Pattern.compile("^(.*) \\(\"(.*)\" → \"(.*)\"\\)$", Pattern.DOTALL);

    private final SegmentCheck checks;
    private final SegmentSuggestions suggestions;
    private final LearnedFixes fixes;
    private final Translations translations;
    private final Versions versions;

    SegmentAssist(SegmentCheck checks, SegmentSuggestions suggestions, LearnedFixes fixes, Translations translations,
                  Versions versions) {
        this.checks = checks;
        this.suggestions = suggestions;
        this.fixes = fixes;
        this.translations = translations;
        this.versions = versions;
    }

    /** The French facing a cell. */
    static SegmentText french(Article source, String key) {
        return switch (key) {
            case Cells.TITLE -> SegmentText.plain(source.title());
            case Cells.SUMMARY -> SegmentText.plain(source.summary());
            case Cells.BODY -> SegmentText.html(source.body());
            default -> SegmentText.html(Cells.cell(source.body(), Cells.index(key)));
        };
    }

    /** The corrections of a translation the finishing made, by field (read once for a page's cells). */
    record Corrections(List<StoredIssue> stored) {

        List<Correction> in(String key, SegmentText cell) {
            String field = Cells.field(key);
            String plain = cell.plain();
            List<Correction> out = new ArrayList<>();
            for (StoredIssue issue : stored) {
                if (!Correction.CHECKER.equals(issue.checker()) || !field.equals(issue.field())) {
                    continue;
                }
                Matcher m = CORRECTED.matcher(issue.message() == null ? "" : issue.message());
                if (!m.matches()) {
                    continue;
                }
                String original = m.group(2);
                String replacement = m.group(3);
                if (!Cells.BODY.equals(field) || (!replacement.isEmpty() && plain.contains(replacement))) {
                    out.add(new Correction(issue.ruleId(), m.group(1), original, replacement));
                }
            }
            return out;
        }
    }

    Corrections corrections(Translation t) {
        return new Corrections(translations.issues(t.id()));
    }

    /** The checks of a cell's text; {@code roundTrip}: also translated back (on save, not for every cell on load). */
    SegmentReport check(Translation t, Article source, Corrections corrections, String key, String text,
                        boolean roundTrip, Locale ui) {
        SegmentText cell = Cells.segment(key, text);
        return checks.check(SegmentCheckRequest.of(t.lang(), Cells.field(key), french(source, key), cell, ui)
                .withRoute(t.route()).withArticle(t.articleId()).withCorrections(corrections.in(key, cell))
                .withRoundTrip(roundTrip));
    }

    Suggestions suggest(Translation t, Article source, String key, String text) {
        return suggestions.suggest(SuggestionRequest.of(t.lang(), Cells.field(key), french(source, key),
                Cells.segment(key, text), t.articleId()));
    }

    /**
     * Teaches what an editor changed in a cell against the machine's text of that cell (a draft's teaching replaces
     * the cell's earlier one; an approval's stays). Never stops an editor's save: a failure is logged.
     */
    void learn(Translation t, Article source, String key, String text, String editor, boolean approved) {
        if (Cells.BODY.equals(key)) {
            for (int i = 0; i < Cells.cells(text).size(); i++) {
                learn(t, source, Cells.bodyKey(i), Cells.cell(text, i), editor, approved);
            }
            return;
        }
        try {
            String machine = versions.machine(t).text(key);
            if (machine.isBlank() || machine.equals(text)) {
                return;
            }
            fixes.learn(new FixOrigin(t.lang(), t.articleId(), t.id(), Cells.field(key), editor, approved),
                    french(source, key), Cells.segment(key, machine), Cells.segment(key, text));
        } catch (RuntimeException e) {
            log.warn("could not learn from {} of translation {}: {}", key, t.id(), e.toString());
        }
    }

    /** After an approval: each cell the editor changed teaches its fix, as approved. */
    void learnApproved(Translation approved, Article source, String editor) {
        WorkingCopy text = WorkingCopy.of(approved);
        for (String key : text.keys(0, false)) {
            learn(approved, source, key, text.text(key), editor, true);
        }
    }
}
