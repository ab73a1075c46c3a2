package io.relais.quality.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.relais.quality.LanguageQualityChecker;
import io.relais.quality.QualityIssue;
import io.relais.engine.Words;

/**
 * The features of the quality estimate for one segment, from its issues: LanguageTool matches by category and the
 * speller's unknown-word rate (per target word), the engine's marks by kind (per source word), each MT check's
 * count, how far the length ratio is from 1, and the segment's length (short sentences score differently).
 */
public final class SegmentFeatures {

    /** Every feature, in the order of the model files. */
    public static final List<String> NAMES = List.of("log_words", "lt_spelling", "lt_grammar", "lt_other",
            "marks_unknown", "marks_untransferred", "marks_ungenerated", "untranslated_words", "french_sentence",
            "pivot_leaks", "numbers", "urls", "markup", "glossary", "end_punctuation", "doubled_words",
            "doubled_punctuation", "typography", "length_outlier", "log_length_ratio");

    /** Features that can only lower quality: a fitted weight above zero is noise and is dropped. */
    public static final List<String> PROBLEMS = NAMES.subList(1, NAMES.size());

    private SegmentFeatures() {
    }

    public static Map<String, Double> of(CheckedSegment s, List<QualityIssue> issues) {
        double targetWords = Math.max(1, Words.count(s.targetText()));
        double sourceWords = Math.max(1, Words.count(s.sourceText()));
        Map<String, Double> f = new LinkedHashMap<>();
        NAMES.forEach(name -> f.put(name, 0.0));
        f.put("log_words", Math.log(sourceWords));
        f.put("marks_unknown", s.marks().unknown() / sourceWords);
        f.put("marks_untransferred", s.marks().untransferred() / sourceWords);
        f.put("marks_ungenerated", s.marks().ungenerated() / sourceWords);
        f.put("log_length_ratio", LengthRatioCheck.logRatio(s));
        for (QualityIssue issue : issues) {
            String feature = feature(issue);
            if (!f.containsKey(feature) || feature.startsWith("marks_")) {
                continue;   // the marks are counted from the segment, not from their issues
            }
            boolean perWord = feature.startsWith("lt_") || feature.equals("untranslated_words")
                    || feature.equals("pivot_leaks");
            f.merge(feature, perWord ? 1 / targetWords : 1, Double::sum);
        }
        return f;
    }

    private static String feature(QualityIssue issue) {
        return switch (issue.checker()) {
            case LanguageQualityChecker.CHECKER -> switch (issue.severity()) {
                case "spelling" -> "lt_spelling";
                case "grammar" -> "lt_grammar";
                default -> "lt_other";
            };
            case "untranslated" -> "FRENCH_SENTENCE".equals(issue.ruleId()) ? "french_sentence" : "untranslated_words";
            case "pivot-leak" -> "pivot_leaks";
            case "unknown-words" -> "marks_";
            case "punctuation" -> "end_punctuation";
            case "doubled-words" -> "doubled_words";
            case "doubled-punctuation" -> "doubled_punctuation";
            case "length" -> "length_outlier";
            default -> issue.checker();   // numbers, urls, markup, glossary, typography
        };
    }
}
