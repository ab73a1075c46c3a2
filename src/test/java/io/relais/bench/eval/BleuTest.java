package io.relais.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class BleuTest {

    @Test
    void tokenizesLike13a() {
        assertThat(Bleu.tokenize13a("Hello, world! It costs $3.50 (today)."))
                .containsExactly("Hello", ",", "world", "!", "It", "costs", "$", "3.50", "(", "today", ")", ".");
        assertThat(Bleu.tokenize13a("1,823 tweets in 2016-2017")).containsExactly("1,823", "tweets", "in", "2016", "-", "2017");
    }

    @Test
    void identicalTextScoresOneHundred() {
        assertThat(Bleu.corpus(List.of("the cat sat on the mat"), List.of("the cat sat on the mat")))
                .isCloseTo(100.0, within(1e-9));
    }

    @Test
    void matchesAHandComputedScore() {
        // hyp: the cat sat on the mat (6 tokens); ref: the cat sat on a mat (6 tokens)
        // 1-grams: the, cat, sat, on, the, mat -> clipped matches: the(1 of 2 in hyp, 1 in ref) cat sat on mat = 5 / 6
        // 2-grams: the cat, cat sat, sat on, on the, the mat -> matches the cat, cat sat, sat on = 3 / 5
        // 3-grams: the cat sat, cat sat on, sat on the, on the mat -> 2 / 4
        // 4-grams: the cat sat on, cat sat on the, sat on the mat -> 1 / 3
        // equal lengths: no brevity penalty
        double expected = 100 * Math.exp((Math.log(5.0 / 6) + Math.log(3.0 / 5) + Math.log(2.0 / 4) + Math.log(1.0 / 3)) / 4);
        assertThat(Bleu.corpus(List.of("the cat sat on the mat"), List.of("the cat sat on a mat")))
                .isCloseTo(expected, within(1e-9));
    }

    @Test
    void shortHypothesesArePenalised() {
        // hyp 4 tokens, ref 8 tokens, every n-gram of the hypothesis matches: BLEU = BP = exp(1 - 8/4)
        assertThat(Bleu.corpus(List.of("a b c d"), List.of("a b c d e f g h"))).isCloseTo(100 * Math.exp(-1), within(1e-9));
    }

    @Test
    void anOrderWithoutMatchesIsSmoothedNotZero() {
        // 1-grams 2/2, 2-grams 0/1 -> smoothed 1/(2*1); 3- and 4-grams have no hypothesis n-grams: BLEU 0
        assertThat(Bleu.corpus(List.of("a b"), List.of("b a"))).isZero();
        double score = Bleu.corpus(List.of("a x b y c"), List.of("a z b w c"));
        // 1-grams 3/5; 2-grams 0/4 -> 1/(2*4); 3-grams 0/3 -> 1/(4*3); 4-grams 0/2 -> 1/(8*2)
        double expected = 100 * Math.exp((Math.log(3.0 / 5) + Math.log(1.0 / 8) + Math.log(1.0 / 12) + Math.log(1.0 / 16)) / 4);
        assertThat(score).isCloseTo(expected, within(1e-9));
    }
}
