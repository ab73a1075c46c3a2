package io.relais.quality;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * First verdict policy: {@code score = 100 - issuesPer100Words * issueWeight - unknownPercent * unknownWeight},
 * clamped to [0, 100]; at or above the threshold a translation is auto-approved, below it goes to review.
 */
@Component
public class VerdictPolicy {

    private final double issueWeight;
    private final double unknownWeight;
    private final double threshold;

    @Autowired
    public VerdictPolicy(QualitySettings settings) {
        this(settings.issueWeight(), settings.unknownWeight(), settings.autoApproveThreshold());
    }

    public VerdictPolicy(double issueWeight, double unknownWeight, double threshold) {
        this.issueWeight = issueWeight;
        this.unknownWeight = unknownWeight;
        this.threshold = threshold;
    }

    /**
     * @param issues       language issues found in the translation
     * @param words        words in the source text
     * @param unknownWords words the engine did not know
     */
    public Verdict judge(int issues, int words, int unknownWords) {
        if (words <= 0) {
            return new Verdict(0, false, "no words to judge");
        }
        double issuesPer100 = 100.0 * issues / words;
        double unknownPercent = 100.0 * unknownWords / words;
        double score = Math.max(0, Math.min(100, 100 - issuesPer100 * issueWeight - unknownPercent * unknownWeight));
        score = Math.round(score * 10) / 10.0;
        String explanation = String.format(Locale.ROOT, "%.1f issues per 100 words, %.1f%% unknown words", issuesPer100,
                unknownPercent);
        return new Verdict(score, score >= threshold, explanation);
    }

    public double threshold() {
        return threshold;
    }
}
