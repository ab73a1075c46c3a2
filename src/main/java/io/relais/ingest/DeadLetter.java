package io.relais.ingest;

import java.time.OffsetDateTime;

/**
 * Something that could not be ingested: where it came from, why, and what it was. {@code retriedAt}: when it was put
 * back to be ingested again (null: not retried); {@code retryOf}: the earlier dead letter of the same origin and bytes
 * whose retry failed again as this one (null: a first attempt).
 */
public record DeadLetter(long id, String origin, String reason, String contentType, int payloadBytes,
                         OffsetDateTime createdAt, OffsetDateTime retriedAt, Long retryOf) {

    public DeadLetter(long id, String origin, String reason, String contentType, int payloadBytes,
                      OffsetDateTime createdAt) {
        this(id, origin, reason, contentType, payloadBytes, createdAt, null, null);
    }

    public boolean retried() {
        return retriedAt != null;
    }
}
