package io.relais.ingest.internal;

import java.time.OffsetDateTime;

/** What a file or page parser read: untrusted, not yet through the gate. */
public record ParsedDocument(String title, String summary, String bodyHtml, String url, String author,
                             OffsetDateTime publishedAt) {
}
