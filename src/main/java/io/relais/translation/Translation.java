package io.relais.translation;

import java.time.OffsetDateTime;

/** One translation of one article revision into one language. */
public record Translation(
        long id,
        long articleId,
        int revision,
        String lang,
        String engine,
        String route,
        String title,
        String summary,
        String body,
        Double qualityScore,
        Integer wordCount,
        Integer unknownWords,
        TranslationState state,
        String failureReason,
        int attempts,
        int version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
