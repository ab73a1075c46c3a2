package io.relais.translation;

import java.util.List;

/**
 * The outcome of translating and checking one article revision into one language, to be stored:
 * either a translation with its verdict state, or a FAILED one with its reason (and no text).
 */
public record TranslationResult(
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
        List<StoredIssue> issues) {

    public static TranslationResult failed(long articleId, int revision, String lang, String engine, String route,
                                           String reason) {
        return new TranslationResult(articleId, revision, lang, engine, route, null, null, null, null, null, null,
                TranslationState.FAILED, reason, List.of());
    }
}
