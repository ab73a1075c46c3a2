package io.relais.ingest;

/**
 * Something offered for ingestion is refused: the reason, where it came from and the raw payload, so that the error
 * handling of the way in (the routes' {@code onException}, the push API's handler) can record the dead letter.
 */
public class IngestRejectedException extends RuntimeException {

    private final String origin;
    private final transient byte[] payload;
    private final String contentType;

    public IngestRejectedException(String reason, String origin, byte[] payload, String contentType) {
        super(reason);
        this.origin = origin;
        this.payload = payload;
        this.contentType = contentType;
    }

    public String reason() {
        return getMessage();
    }

    public String origin() {
        return origin;
    }

    public byte[] payload() {
        return payload;
    }

    public String contentType() {
        return contentType;
    }
}
