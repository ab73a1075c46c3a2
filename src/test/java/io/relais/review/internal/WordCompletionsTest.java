package io.relais.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A word offered by predictive typing is written in the letter case the editor started it in. */
class WordCompletionsTest {

    @Test
    void aCapitalTypedCapitalisesCapitalsTypedGiveCapitalsAndANameKeepsItsCapital() {
        assertThat(WordCompletions.written("gobi", "gobierno")).isEqualTo("gobierno");
        assertThat(WordCompletions.written("Gobi", "gobierno")).isEqualTo("Gobierno");
        assertThat(WordCompletions.written("GOBI", "gobierno")).isEqualTo("GOBIERNO");
        assertThat(WordCompletions.written("quimp", "Quimperlé")).isEqualTo("Quimperlé");
        assertThat(WordCompletions.written("Quimp", "Quimperlé")).isEqualTo("Quimperlé");
        // one capital letter is a capitalised word, not a word in capitals
        assertThat(WordCompletions.written("É", "éxito")).isEqualTo("Éxito");
        // digits have no case
        assertThat(WordCompletions.written("19", "1975")).isEqualTo("1975");
    }
}
