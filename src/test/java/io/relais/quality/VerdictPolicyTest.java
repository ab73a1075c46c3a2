package io.relais.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class VerdictPolicyTest {

    private final VerdictPolicy fitted = new VerdictPolicy(Map.of(), null,
            lang -> "en".equals(lang) ? OptionalDouble.of(55) : OptionalDouble.empty());

    private static SegmentEstimate segment(int index, double score, boolean doubtful) {
        return new SegmentEstimate("body", index, score, 55, doubtful, doubtful ? "estimated quality low" : null, 0, 10);
    }

    @Test
    void theThresholdIsTheFittedOneUnlessConfigured() {
        assertThat(fitted.threshold("en")).isEqualTo(55);
        VerdictPolicy configured = new VerdictPolicy(Map.of("en", 60.0), 40.0, lang -> OptionalDouble.of(55));
        assertThat(configured.threshold("en")).isEqualTo(60);
        assertThat(configured.threshold("es")).isEqualTo(40);
    }

    @Test
    void aLanguageWithoutAFittedModelIsNeverAutoApproved() {
        assertThat(fitted.threshold("de")).isInfinite();
    }

    @Test
    void anArticleIsAutoApprovedOnlyWhenEverySegmentPasses() {
        Verdict all = fitted.judge(List.of(segment(0, 70, false), segment(1, 58, false)));
        assertThat(all.autoApprove()).isTrue();
        assertThat(all.score()).isEqualTo(58.0);
        assertThat(all.explanation()).contains("all 2 segments pass");

        Verdict one = fitted.judge(List.of(segment(0, 70, false), segment(1, 40, true)));
        assertThat(one.autoApprove()).isFalse();
        assertThat(one.score()).isEqualTo(40.0);
        assertThat(one.explanation()).contains("1 of 2 segments doubtful").contains("body #2");
    }

    @Test
    void nothingToJudgeIsNotApproved() {
        assertThat(fitted.judge(List.of()).autoApprove()).isFalse();
    }
}
