package io.relais.ingest;

import java.time.OffsetDateTime;

/** Something that could not be ingested: where it came from, why, and what it was. */
public record DeadLetter(long id, String origin, String reason, String contentType, int payloadBytes,
                         OffsetDateTime createdAt) {
}
