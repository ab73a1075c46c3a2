package io.relais.quality;

/**
 * One problem found in a text.
 *
 * @param checker     what found it: {@code languagetool}, or a named MT check ({@code numbers}, {@code pivot-leak}...)
 * @param ruleId      the checker's rule, e.g. {@code MORFOLOGIK_RULE_ES}
 * @param startOffset start in the checked plain text, or -1 when the problem has no place (a missing number)
 * @param endOffset   end (exclusive) in the checked plain text, or -1
 * @param suggestion  the first suggested replacement, or null
 * @param severity    {@code spelling}, {@code grammar}, {@code style}... or {@code error} for a blocking MT check
 */
public record QualityIssue(String checker, String ruleId, String message, int startOffset, int endOffset,
                           String suggestion, String severity) {

    /** The same issue with its offsets moved by {@code delta} (from a segment's text to its field's text). */
    public QualityIssue shifted(int delta) {
        if (startOffset < 0) {
            return this;
        }
        return new QualityIssue(checker, ruleId, message, startOffset + delta, endOffset + delta, suggestion, severity);
    }

    public QualityIssue unplaced() {
        return new QualityIssue(checker, ruleId, message, -1, -1, suggestion, severity);
    }

    public boolean blocking() {
        return "error".equals(severity);
    }
}
