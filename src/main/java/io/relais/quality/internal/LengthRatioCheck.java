package io.relais.quality.internal;

import java.util.List;
import java.util.Locale;

import io.relais.quality.QualityIssue;

/**
 * A translation much shorter or longer than its source (in characters) has probably lost or repeated something.
 * Between French and its neighbours the ratio stays near 1; below 0.5 or above 2 is an outlier. Segments under
 * 20 characters vary too much to judge.
 */
public class LengthRatioCheck implements MtCheck {

    static final double LOW = 0.5;
    static final double HIGH = 2.0;
    private static final int MIN_CHARS = 20;

    @Override
    public String name() {
        return "length";
    }

    @Override
    public List<QualityIssue> check(CheckedSegment s) {
        int source = s.sourceText().strip().length();
        int target = s.targetText().strip().length();
        if (source < MIN_CHARS) {
            return List.of();
        }
        double ratio = (double) target / source;
        if (ratio >= LOW && ratio <= HIGH) {
            return List.of();
        }
        return List.of(warning("LENGTH_RATIO", String.format(Locale.ROOT,
                "The translation is %.2f times as long as the French text", ratio), -1, -1, null,
                String.format(Locale.ROOT, "%.2f", ratio)));
    }

    /** |ln(target length / source length)|: 0 for equal lengths, a feature of the quality estimate. */
    static double logRatio(CheckedSegment s) {
        int source = Math.max(1, s.sourceText().strip().length());
        int target = Math.max(1, s.targetText().strip().length());
        return Math.abs(Math.log((double) target / source));
    }
}
