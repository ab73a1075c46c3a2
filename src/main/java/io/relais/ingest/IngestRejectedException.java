package io.relais.ingest;

/** The gate refused an article; the reason and the raw payload are already in the dead letters. */
public class IngestRejectedException extends RuntimeException {

    private final long deadLetterId;

    public IngestRejectedException(String reason, long deadLetterId) {
        super(reason);
        this.deadLetterId = deadLetterId;
    }

    public long deadLetterId() {
        return deadLetterId;
    }
}
