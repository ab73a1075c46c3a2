package io.relais.quality;

/**
 * The quality estimate of one segment of a translated field.
 *
 * @param field     {@code title}, {@code summary} or {@code body}
 * @param index     the segment's place in its field, from 0
 * @param score     estimated sentence chrF, 0-100 (0 when the language has no fitted model)
 * @param threshold the language's threshold: at or above it, and without blocking issues, the segment passes
 * @param doubtful  whether an editor should look at it
 * @param reason    why it is doubtful (score and what lowered it, blocking checks), or null
 * @param start     start of the segment in the field's plain text, or -1 when it could not be placed
 * @param end       end (exclusive), or -1
 */
public record SegmentEstimate(String field, int index, double score, double threshold, boolean doubtful, String reason,
                              int start, int end) {
}
