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

    /**
     * The severity of an issue that alone sends a segment to review (a named MT check's error: a figure lost, a French
     * sentence left, a link changed...): a translation with one is never published unreviewed. The quality module
     * writes it ({@code QualityIssue#blocking()}).
     */
    public static final String BLOCKING_SEVERITY = "error";

    public boolean blocking() {
        return BLOCKING_SEVERITY.equals(severity);
    }
}
