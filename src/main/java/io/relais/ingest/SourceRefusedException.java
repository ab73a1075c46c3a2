package io.relais.ingest;

/**
 * A change to the feed sources that {@link SourceManagement} refuses, with the reason as its message, the field at fault
 * (when one is) and whether the source was missing or the change conflicts with what exists, so that the REST API can
 * answer 400, 404 or 409 and the console can show the sentence.
 */
public class SourceRefusedException extends IllegalArgumentException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String field;
    private final Long existingId;

    SourceRefusedException(Kind kind, String field, Long existingId, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.existingId = existingId;
    }

    static SourceRefusedException invalid(String field, String message) {
        return new SourceRefusedException(Kind.INVALID, field, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    /** The source that already has this URL, for a conflict; else null. */
    public Long existingId() {
        return existingId;
    }
}
