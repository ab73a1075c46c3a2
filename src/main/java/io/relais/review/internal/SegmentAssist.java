package io.relais.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
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
            List<String> cells = Cells.cells(text);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                keys.add(Cells.bodyKey(i));
            }
            learn(t, source, keys, k -> cells.get(Cells.index(k)), editor, approved);
            return;
        }
        learn(t, source, List.of(key), k -> text, editor, approved);
    }

    /**
     * Teaches the given cells, each body read once (a cell's text taken from the body again for each cell made an
     * approval quadratic in the article's blocks: minutes for thousands).
     */
    private void learn(Translation t, Article source, List<String> keys, Function<String, String> text, String editor,
                       boolean approved) {
        WorkingCopy machine;
        try {
            machine = versions.machine(t);
        } catch (RuntimeException e) {
            log.warn("could not learn from translation {}: {}", t.id(), e.toString());
            return;
        }
        List<String> machineCells = Cells.cells(machine.text(Cells.BODY));
        List<String> frenchCells = Cells.cells(source.body());
        for (String key : keys) {
            try {
                int index = Cells.index(key);
                String machineText = index < 0 ? machine.text(key) : index < machineCells.size() ? machineCells.get(index) : "";
                if (machineText.isBlank()) {
                    continue;
                }
                SegmentText french = index < 0 ? french(source, key)
                        : SegmentText.html(index < frenchCells.size() ? frenchCells.get(index) : "");
                // the machine's text again (an edit taken back, a revert): learning it forgets what the cell taught
                fixes.learn(new FixOrigin(t.lang(), t.articleId(), t.id(), Cells.field(key), editor, approved),
                        french, Cells.segment(key, machineText), Cells.segment(key, text.apply(key)));
            } catch (RuntimeException e) {
                log.warn("could not learn from {} of translation {}: {}", key, t.id(), e.toString());
            }
        }
    }

    /** After an approval: each cell the editor changed teaches its fix, as approved. */
    void learnApproved(Translation approved, Article source, String editor) {
        learnAll(approved, source, WorkingCopy.of(approved), editor, true);
    }

    /**
     * After a revert: what the cells teach is what the text brought back says (a revert to the machine's text forgets
     * the fixes the taken-back drafts taught).
     */
    void learnReverted(Translation t, Article source, WorkingCopy reverted, String editor) {
        learnAll(t, source, reverted, editor, false);
    }

    private void learnAll(Translation t, Article source, WorkingCopy text, String editor, boolean approved) {
        List<String> cells = Cells.cells(text.text(Cells.BODY));
        learn(t, source, text.keys(0, false), key -> {
            int index = Cells.index(key);
            return index < 0 ? text.text(key) : index < cells.size() ? cells.get(index) : "";
        }, editor, approved);
    }
}
