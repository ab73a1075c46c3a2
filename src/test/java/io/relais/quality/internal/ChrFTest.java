package io.relais.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChrFTest {

    @Test
    void identicalTextScoresOneHundred() {
        assertThat(ChrF.corpus(List.of("le chat dort"), List.of("le chat dort"))).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void nothingInCommonScoresZero() {
        assertThat(ChrF.corpus(List.of("abc"), List.of("xyz"))).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void matchesAHandComputedScore() {
        // hypothesis "ab", reference "abc" (whitespace-free)
        // order 1: hyp {a,b} ref {a,b,c}: P = 2/2, R = 2/3, F2 = 5*1*(2/3) / (4*1 + 2/3) = (10/3)/(14/3) = 10/14
        // order 2: hyp {ab} ref {ab,bc}: P = 1, R = 1/2, F2 = 5*0.5 / (4 + 0.5) = 2.5/4.5 = 5/9
        // orders 3-6: the hypothesis has no n-grams: not counted in the effective order, adds ~0
        double expected = 100 * (10.0 / 14 + 5.0 / 9) / 2;
        assertThat(ChrF.corpus(List.of("a b"), List.of("abc"))).isCloseTo(expected, within(1e-6));
    }

    @Test
    void statisticsAreSummedOverTheCorpusNotAveragedPerSentence() {
        ChrF chrF = new ChrF();
        chrF.add("ab", "ab");
        chrF.add("xy", "ab");
        // order 1: matches 2 of 4 hyp, 2 of 4 ref -> F = 0.5; order 2: 1 of 2, 1 of 2 -> 0.5
        assertThat(chrF.score()).isCloseTo(50.0, within(1e-6));
    }

    @Test
    void oneSentenceScoresAsACorpusOfOnePair() {
        assertThat(ChrF.sentence("le chat dort", "le chat dort")).isCloseTo(100.0, within(1e-9));
        assertThat(ChrF.sentence("abc", "xyz")).isCloseTo(0.0, within(1e-9));
        // orders 1 and 2 only exist in the hypothesis "ab"
        assertThat(ChrF.sentence("a b", "abc")).isCloseTo(100 * (10.0 / 14 + 5.0 / 9) / 2, within(1e-6));
    }
}
