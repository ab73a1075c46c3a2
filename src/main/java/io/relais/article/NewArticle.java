package io.relais.article;

import java.time.OffsetDateTime;

/** An article as it arrives, already sanitised, with the raw payload it was read from. */
public record NewArticle(
        long sourceId,
        String externalId,
        String url,
        String title,
        String summary,
        String body,
        String author,
        OffsetDateTime publishedAt,
        byte[] rawPayload,
        String rawContentType) {
}
