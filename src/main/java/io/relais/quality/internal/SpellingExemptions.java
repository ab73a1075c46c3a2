package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.relais.engine.Words;
import io.relais.quality.LanguageQualityChecker;
import io.relais.quality.QualityIssue;

/**
 * Words that are never spelling errors in a segment, whatever the target's speller says: a word the French segment
 * has verbatim (place and people names, “Rennes”, “Vitré”, “Ille” of Ille-et-Vilaine; a brand; a word the engine
 * kept because it did not know it — the unknown-word marks and the untranslated-French check report those), and a
 * word inside a glossary term as the glossary writes it. The newsroom dictionary is LanguageTool's own ignore list
 * ({@link LanguageQualityChecker#setDictionary}).
 */
final class SpellingExemptions {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}'’.-]*");

    private SpellingExemptions() {
    }

    static List<QualityIssue> apply(CheckedSegment s, List<QualityIssue> issues) {
        List<QualityIssue> kept = new ArrayList<>(issues.size());
        List<int[]> protectedSpans = null;
        for (QualityIssue issue : issues) {
            if (!spelling(issue) || issue.startOffset() < 0 || issue.endOffset() > s.targetText().length()) {
                kept.add(issue);
                continue;
            }
            String flagged = s.targetText().substring(issue.startOffset(), issue.endOffset());
            if (inSource(flagged, s.sourceText())) {
                continue;
            }
            if (protectedSpans == null) {
                protectedSpans = glossarySpans(s);
            }
            if (within(issue, protectedSpans)) {
                continue;
            }
            kept.add(issue);
        }
        return kept;
    }

    static boolean spelling(QualityIssue issue) {
        return LanguageQualityChecker.CHECKER.equals(issue.checker()) && "spelling".equals(issue.severity());
    }

    /** Every word of the flagged text is a whole word of the source, written the same way. */
    static boolean inSource(String flagged, String source) {
        Matcher m = WORD.matcher(flagged);
        boolean any = false;
        while (m.find()) {
            any = true;
            if (!Words.hasWhole(source, m.group())) {
                return false;
            }
        }
        return any;
    }

    private static List<int[]> glossarySpans(CheckedSegment s) {
        List<int[]> spans = new ArrayList<>();
        for (String rendering : s.terms().values()) {
            if (rendering == null || rendering.isBlank()) {
                continue;
            }
            for (int at : Words.everyWhole(s.targetText(), rendering)) {
                spans.add(new int[] {at, at + rendering.length()});
            }
        }
        return spans;
    }

    private static boolean within(QualityIssue issue, List<int[]> spans) {
        for (int[] span : spans) {
            if (issue.startOffset() >= span[0] && issue.endOffset() <= span[1]) {
                return true;
            }
        }
        return false;
    }
}
