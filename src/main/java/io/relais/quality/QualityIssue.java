package io.relais.quality;

/**
 * One problem found in a text.
 *
 * @param checker     what found it: {@code languagetool}, or a QA check
 * @param ruleId      the checker's rule, e.g. {@code MORFOLOGIK_RULE_ES}
 * @param startOffset start in the checked plain text
 * @param endOffset   end (exclusive) in the checked plain text
 * @param suggestion  the first suggested replacement, or null
 * @param severity    {@code spelling}, {@code grammar}, {@code style}...
 */
public record QualityIssue(String checker, String ruleId, String message, int startOffset, int endOffset,
                           String suggestion, String severity) {
}
