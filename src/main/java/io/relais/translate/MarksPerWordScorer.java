package io.relais.translate;

/**
 * The segment scorer used when no calibrated one is provided: fewer unknown-word marks per word is better. Crude —
 * a segment without marks can still be bad — but never worse than always taking the configured route, since ties
 * go to the first candidate.
 */
public final class MarksPerWordScorer implements SegmentScorer {

    public static final MarksPerWordScorer INSTANCE = new MarksPerWordScorer();

    private MarksPerWordScorer() {
    }

    @Override
    public double score(TranslatedSegment segment, String targetLanguage) {
        int words = Words.count(segment.source() == null ? segment.target() : segment.source());
        if (words == 0) {
            return 100;
        }
        return 100.0 * (1 - Math.min(1.0, (double) segment.marks().total() / words));
    }
}
