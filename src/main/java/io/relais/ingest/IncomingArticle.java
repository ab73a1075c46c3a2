package io.relais.ingest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * An article as a route read it, before the gate: {@code bodyHtml} is untrusted HTML (or null),
 * {@code rawPayload} what was received, kept for the record.
 *
 * @param origin where it came from, for dead letters (a file name, a feed URL and item id...)
 */
public record IncomingArticle(
        long sourceId,
        String origin,
        String externalId,
        String url,
        String title,
        String summary,
        String bodyHtml,
        String author,
        OffsetDateTime publishedAt,
        byte[] rawPayload,
        String rawContentType,
        List<String> categories) {

    public IncomingArticle {
        categories = categories == null ? List.of() : categories.stream().filter(Objects::nonNull).toList();
    }

    /** An article without categories. */
    public IncomingArticle(long sourceId, String origin, String externalId, String url, String title, String summary,
                           String bodyHtml, String author, OffsetDateTime publishedAt, byte[] rawPayload,
                           String rawContentType) {
        this(sourceId, origin, externalId, url, title, summary, bodyHtml, author, publishedAt, rawPayload,
                rawContentType, List.of());
    }
}
