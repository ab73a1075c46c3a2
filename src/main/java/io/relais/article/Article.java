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

    /**
     * The language every article is written in and translated from: what ingestion lets in, engines translate
     * from, checks look for left untranslated, and the originals are published as.
     */
    public static final String SOURCE_LANGUAGE = "fr";
}
