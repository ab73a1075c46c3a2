package io.relais.article;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

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
        String rawContentType,
        List<String> categories) {

    public NewArticle {
        categories = categories == null ? List.of() : categories.stream().filter(Objects::nonNull).toList();
    }

    /** An article without categories. */
    public NewArticle(long sourceId, String externalId, String url, String title, String summary, String body,
                      String author, OffsetDateTime publishedAt, byte[] rawPayload, String rawContentType) {
        this(sourceId, externalId, url, title, summary, body, author, publishedAt, rawPayload, rawContentType,
                List.of());
    }
}
