package io.relais.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictPolicyTest {

    private final VerdictPolicy policy = new VerdictPolicy(4.0, 2.0, 70);

    @Test
    void aCleanTranslationScoresFullAndIsAutoApproved() {
        Verdict verdict = policy.judge(0, 120, 0);
        assertThat(verdict.score()).isEqualTo(100.0);
        assertThat(verdict.autoApprove()).isTrue();
    }

    @Test
    void issuesPerHundredWordsAndUnknownWordsLowerTheScore() {
        // 3 issues in 100 words: -12; 5 % unknown: -10
        Verdict verdict = policy.judge(3, 100, 5);
        assertThat(verdict.score()).isEqualTo(78.0);
        assertThat(verdict.autoApprove()).isTrue();
        assertThat(verdict.explanation()).contains("3.0 issues per 100 words").contains("5.0% unknown");
    }

    @Test
    void belowTheThresholdGoesToReview() {
        Verdict verdict = policy.judge(5, 100, 6);   // 100 - 20 - 12 = 68
        assertThat(verdict.score()).isEqualTo(68.0);
        assertThat(verdict.autoApprove()).isFalse();
    }

    @Test
    void theThresholdItselfIsApproved() {
        assertThat(policy.judge(5, 100, 5).autoApprove()).isTrue();   // exactly 70
    }

    @Test
    void theScoreNeverGoesBelowZeroAndAnEmptyTextIsNotApproved() {
        assertThat(policy.judge(50, 10, 10).score()).isZero();
        assertThat(policy.judge(0, 0, 0).autoApprove()).isFalse();
    }
}
