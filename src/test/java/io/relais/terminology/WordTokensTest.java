package io.relais.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.relais.terminology.internal.WordTokens;

class WordTokensTest {

    @Test
    void similarityIsOneMinusTheWordEditDistanceOverTheLongerSegment() {
        List<String> a = WordTokens.lower("Le conseil régional a voté un budget de trois millions.");
        List<String> b = WordTokens.lower("Le conseil régional a voté un budget de quatre millions.");
        assertThat(WordTokens.distance(a, b)).isEqualTo(1);
        assertThat(WordTokens.similarity(a, b)).isEqualTo(90);
        assertThat(WordTokens.similarity(a, a)).isEqualTo(100);
        assertThat(WordTokens.similarity(a, WordTokens.lower("Rien à voir."))).isLessThan(20);
    }

    @Test
    void wordsKeepTheirApostrophesAndHyphens() {
        assertThat(WordTokens.of("l'Ille-et-Vilaine, aujourd’hui.")).extracting(WordTokens.Token::text)
                .containsExactly("l'Ille-et-Vilaine", "aujourd’hui");
    }
}
