package io.relais.quality.internal;

import java.util.Map;
import java.util.function.Function;

import io.relais.engine.SegmentScorer;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedSegment;

/**
 * The fitted quality estimate as the engine module's {@link SegmentScorer}, for choosing between the candidate
 * routes of a segment. Without a fitted model for the language every candidate scores 0 (a tie).
 */
public class CalibratedSegmentScorer implements SegmentScorer {

    private final SegmentEstimator estimator;
    private final Function<String, Map<String, String>> glossary;

    public CalibratedSegmentScorer(SegmentEstimator estimator, Function<String, Map<String, String>> glossary) {
        this.estimator = estimator;
        this.glossary = glossary;
    }

    @Override
    public double score(TranslatedSegment segment, String targetLanguage) {
        TextFormat format = segment.source() != null && segment.source().contains("<") ? TextFormat.HTML : TextFormat.PLAIN;
        CheckedSegment checked = CheckedSegment.of(segment.source(), segment.target(), format, targetLanguage,
                segment.route(), segment.marks(), glossary.apply(targetLanguage));
        try {
            double score = estimator.estimate(checked).score();
            return Double.isNaN(score) ? 0 : score;
        } catch (RuntimeException e) {
            // the score only ranks candidates: a checker failing on one text must not fail the translation (the
            // quality check after it reports the failure as such)
            return 0;
        }
    }
}
