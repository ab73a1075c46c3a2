package io.relais.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * One problem found in a text.
 *
 * @param checker     what found it: {@code languagetool}, or a named MT check ({@code numbers}, {@code pivot-leak}...)
 * @param ruleId      the checker's rule, e.g. {@code MORFOLOGIK_RULE_ES}
 * @param message     what is wrong, in English (stored; shown translated from {@code check.<checker>.<ruleId>} with
 *                    {@code args} where the messages have that key)
 * @param startOffset start in the checked plain text, or -1 when the problem has no place (a missing number)
 * @param endOffset   end (exclusive) in the checked plain text, or -1
 * @param suggestion  the first suggested replacement, or null
 * @param severity    {@code spelling}, {@code grammar}, {@code style}... or {@code error} for a blocking MT check
 * @param args        the values the message names (the word, the figure...), for its translations
 * @param alternatives further suggested replacements after {@code suggestion}, best first (LanguageTool's, four at
 *                    most)
 */
public record QualityIssue(String checker, String ruleId, String message, int startOffset, int endOffset,
                           String suggestion, String severity, List<String> args, List<String> alternatives) {

    public QualityIssue {
        args = args == null ? List.of() : List.copyOf(args);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    public QualityIssue(String checker, String ruleId, String message, int startOffset, int endOffset,
                        String suggestion, String severity, List<String> args) {
        this(checker, ruleId, message, startOffset, endOffset, suggestion, severity, args, List.of());
    }

    public QualityIssue(String checker, String ruleId, String message, int startOffset, int endOffset,
                        String suggestion, String severity) {
        this(checker, ruleId, message, startOffset, endOffset, suggestion, severity, List.of(), List.of());
    }

    /** The same issue with its offsets moved by {@code delta} (from a segment's text to its field's text). */
    public QualityIssue shifted(int delta) {
        if (startOffset < 0) {
            return this;
        }
        return new QualityIssue(checker, ruleId, message, startOffset + delta, endOffset + delta, suggestion, severity,
                args, alternatives);
    }

    public QualityIssue unplaced() {
        return new QualityIssue(checker, ruleId, message, -1, -1, suggestion, severity, args, alternatives);
    }

    public boolean blocking() {
        return "error".equals(severity);
    }

    /** Every suggested replacement, best first. */
    public List<String> suggestions() {
        if (suggestion == null) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        all.add(suggestion);
        all.addAll(alternatives);
        return List.copyOf(all);
    }

    /** The key of the message's translations: {@code check.<checker>.<ruleId>}. */
    public String messageKey() {
        return "check." + checker + "." + ruleId;
    }
}
