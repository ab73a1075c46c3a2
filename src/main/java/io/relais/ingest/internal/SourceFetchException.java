package io.relais.ingest.internal;

import java.time.Duration;

/** A source's feed could not be fetched; the route's error handling records it on the source (health, backoff). */
public class SourceFetchException extends RuntimeException {

    private final long sourceId;
    private final transient Duration retryAfter;

    public SourceFetchException(long sourceId, String reason, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.sourceId = sourceId;
        this.retryAfter = retryAfter;
    }

    public long sourceId() {
        return sourceId;
    }

    /** What the server asked for (429/503 {@code Retry-After}), zero when it did not. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
