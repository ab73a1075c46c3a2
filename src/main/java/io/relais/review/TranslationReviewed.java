package io.relais.review;

/** Published when an editor approved or rejected a translation: its language's feeds may have changed. */
public record TranslationReviewed(long translationId, String lang, String state) {
}
