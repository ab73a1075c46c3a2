package io.relais.translation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A published translation joined with the French original it came from: what a feed entry and a public article
 * page show. {@code originalSummary}/{@code originalBody} are the French text (bilingual partner feeds append it).
 */
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
        TranslationState state,
        long sourceId,
        String sourceName,
        String originalSummary,
        String originalBody,
        List<String> categories) {

    public PublishedEntry {
        categories = categories == null ? List.of() : categories.stream().filter(Objects::nonNull).toList();
    }

    /** An entry without its source and French text (tests and callers that only need the translation). */
    public PublishedEntry(long articleId, int revision, String lang, String title, String summary, String body,
                          String originalUrl, String originalTitle, String author, OffsetDateTime publishedAt,
                          OffsetDateTime updatedAt, String engine, String route, Double qualityScore,
                          TranslationState state) {
        this(articleId, revision, lang, title, summary, body, originalUrl, originalTitle, author, publishedAt,
                updatedAt, engine, route, qualityScore, state, 0, null, null, null, List.of());
    }

    /** True when an editor approved this text (rather than the quality estimate alone). */
    public boolean reviewed() {
        return state == TranslationState.APPROVED;
    }
}
