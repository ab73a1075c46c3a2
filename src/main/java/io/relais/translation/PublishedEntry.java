package io.relais.translation;

import java.util.Objects;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A publishable translation joined with the French original it came from: what a feed entry and a public article
 * page show. {@code originalSummary}/{@code originalBody} are the French text (bilingual partner feeds append it);
 * {@code sourceUrl} is the address of the source it came from (a feed, a site), when it has one;
 * {@code translatedCategories} are the categories in the target language, as publishing translated them (empty as
 * the store gives the entry); {@code mainImage} what ingestion measured of the original's main image, if anything.
 * {@code publishedAt} is when the original was published (never later than its arrival); {@code updatedAt} when this
 * text was written: the batch's translation, or the editor's approval or correction.
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
        List<String> categories,
        String sourceUrl,
        Map<String, String> translatedCategories,
        MainImage mainImage) {

    /** The main image of the original as ingestion measured it: its address, size in bytes and media type. */
    public record MainImage(String url, long length, String type) {
    }

    public PublishedEntry {
        categories = categories == null ? List.of() : categories.stream().filter(Objects::nonNull).toList();
        translatedCategories = translatedCategories == null ? Map.of() : Map.copyOf(translatedCategories);
    }

    /** As the store gives it: categories not translated yet, nothing known of the main image. */
    public PublishedEntry(long articleId, int revision, String lang, String title, String summary, String body,
                          String originalUrl, String originalTitle, String author, OffsetDateTime publishedAt,
                          OffsetDateTime updatedAt, String engine, String route, Double qualityScore,
                          TranslationState state, long sourceId, String sourceName, String originalSummary,
                          String originalBody, List<String> categories, String sourceUrl) {
        this(articleId, revision, lang, title, summary, body, originalUrl, originalTitle, author, publishedAt, updatedAt,
                engine, route, qualityScore, state, sourceId, sourceName, originalSummary, originalBody, categories,
                sourceUrl, Map.of(), null);
    }

    /** The same entry with other texts (a feed's presentation of it). */
    public PublishedEntry withText(String title, String summary, String body) {
        return new PublishedEntry(articleId, revision, lang, title, summary, body, originalUrl, originalTitle, author,
                publishedAt, updatedAt, engine, route, qualityScore, state, sourceId, sourceName, originalSummary,
                originalBody, categories, sourceUrl, translatedCategories, mainImage);
    }

    /** The same entry with another measure of its main image (none: {@code null}). */
    public PublishedEntry withMainImage(MainImage image) {
        return new PublishedEntry(articleId, revision, lang, title, summary, body, originalUrl, originalTitle, author,
                publishedAt, updatedAt, engine, route, qualityScore, state, sourceId, sourceName, originalSummary,
                originalBody, categories, sourceUrl, translatedCategories, image);
    }

    /** The same entry with its categories in its language, as publishing translated them (French to translation). */
    public PublishedEntry withTranslatedCategories(Map<String, String> translated) {
        return new PublishedEntry(articleId, revision, lang, title, summary, body, originalUrl, originalTitle, author,
                publishedAt, updatedAt, engine, route, qualityScore, state, sourceId, sourceName, originalSummary,
                originalBody, categories, sourceUrl, translated, mainImage);
    }

    /** An entry without its source and French text (tests and callers that only need the translation). */
    public PublishedEntry(long articleId, int revision, String lang, String title, String summary, String body,
                          String originalUrl, String originalTitle, String author, OffsetDateTime publishedAt,
                          OffsetDateTime updatedAt, String engine, String route, Double qualityScore,
                          TranslationState state) {
        this(articleId, revision, lang, title, summary, body, originalUrl, originalTitle, author, publishedAt,
                updatedAt, engine, route, qualityScore, state, 0, null, null, null, List.of(), null, Map.of(), null);
    }

    /** True when an editor approved this text; otherwise it is a machine translation nobody reviewed. */
    public boolean reviewed() {
        return state == TranslationState.APPROVED;
    }
}
