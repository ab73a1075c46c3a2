package io.relais.translation;

import java.time.OffsetDateTime;

/** A published translation joined with the French original it came from: what a feed entry shows. */
public record PublishedEntry(
        long articleId,
        int revision,
        String lang,
        String title,
        String summary,
        String body,
        String originalUrl,
        String originalTitle,
        String author,
        OffsetDateTime publishedAt,
        OffsetDateTime updatedAt,
        String engine,
        String route,
        Double qualityScore,
        TranslationState state) {
}
