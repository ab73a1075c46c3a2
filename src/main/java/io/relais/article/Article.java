package io.relais.article;

import java.time.OffsetDateTime;

/** The current revision of a French source article. {@code body} is sanitised HTML. */
public record Article(
        long id,
        long sourceId,
        String externalId,
        String url,
        String title,
        String summary,
        String body,
        String author,
        OffsetDateTime publishedAt,
        String contentHash,
        int revision,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
