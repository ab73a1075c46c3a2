package io.relais.engine;

/**
 * The segment scorer used when no calibrated one is provided: 10 points off per unknown-word mark. Crude — a segment
 * without marks can still be bad, and a route with a larger dictionary has fewer marks without being better — so
 * {@link RouteChoice} uses it with a margin: another route replaces the configured one only with at least two marks
 * fewer (measured in {@code ./relais eval}: one mark fewer is not enough evidence, the choice then loses chrF).
 */
public final class MarksPerWordScorer implements SegmentScorer {

    public static final MarksPerWordScorer INSTANCE = new MarksPerWordScorer();

    /** Points off per mark. */
    public static final double POINTS_PER_MARK = 10;

    /** The margin {@link RouteChoice} uses with this scorer: more than one mark fewer. */
    public static final double MARGIN = 1.5 * POINTS_PER_MARK;

    private MarksPerWordScorer() {
    }

    @Override
    public double score(TranslatedSegment segment, String targetLanguage) {
        return Math.max(0, 100 - POINTS_PER_MARK * segment.marks().total());
    }
}
