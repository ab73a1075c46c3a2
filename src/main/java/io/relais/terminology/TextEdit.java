package io.relais.terminology;

/**
 * A replacement offered for one span of one exact text: a check's fix or a suggestion. It applies only to the text
 * it was computed on (the same {@link SegmentText#fingerprint() fingerprint}); on any other text it refuses, so that
 * a suggestion computed before an edit is never written at offsets that now mean something else.
 *
 * @param fingerprint the fingerprint of the text it was computed on
 * @param start       start of the replaced span in that text
 * @param end         end (exclusive) of the replaced span
 * @param replacement the new plain text (escaped when applied to an HTML segment)
 */
public record TextEdit(String fingerprint, int start, int end, String replacement) {

    public TextEdit {
        if (fingerprint == null || start < 0 || end < start || replacement == null) {
            throw new IllegalArgumentException("an edit needs a fingerprint, a span and a replacement");
        }
    }

    /** An edit of {@code text[start, end)}. */
    public static TextEdit of(SegmentText text, int start, int end, String replacement) {
        return new TextEdit(text.fingerprint(), start, end, replacement);
    }

    /** An edit replacing the whole of {@code text} by {@code replacement}, already in the text's format. */
    public static TextEdit whole(SegmentText text, String replacementInFormat) {
        return new TextEdit(text.fingerprint(), 0, text.text().length(), replacementInFormat);
    }

    /**
     * The text with the replacement made.
     *
     * @throws StaleTextException when {@code current} is not the text the edit was computed on, or the span would
     *                            cut a tag or an entity
     */
    public SegmentText applyTo(SegmentText current) {
        if (!fingerprint.equals(current.fingerprint())) {
            throw new StaleTextException("the text changed since this suggestion was made: check it again");
        }
        if (!current.isBoundary(start, end) || current.crossesMarkup(start, end) && !(start == 0
                && end == current.text().length())) {
            throw new StaleTextException("this suggestion would break the segment's tags");
        }
        boolean whole = start == 0 && end == current.text().length();
        String inserted = whole ? replacement : current.encode(replacement);
        String text = current.text();
        return new SegmentText(text.substring(0, start) + inserted + text.substring(end), current.format());
    }
}
