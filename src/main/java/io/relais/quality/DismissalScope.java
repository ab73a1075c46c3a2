package io.relais.quality;

import io.relais.terminology.SegmentText;

/**
 * Where a dismissal holds: one segment of one article's translation into one language, known by its French text
 * (so that a new revision of the article with the same French segment keeps it).
 */
public record DismissalScope(long articleId, String lang, String field, String sourceFingerprint) {

    public static DismissalScope of(long articleId, String lang, String field, SegmentText source) {
        return new DismissalScope(articleId, lang, field, source.fingerprint());
    }
}
