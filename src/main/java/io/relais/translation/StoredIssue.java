package io.relais.translation;

/** A quality issue found in one field (title, summary, body) of a translation; offsets into its plain text. */
public record StoredIssue(
        String checker,
        String field,
        String ruleId,
        String message,
        int startOffset,
        int endOffset,
        String suggestion,
        String severity) {
}
