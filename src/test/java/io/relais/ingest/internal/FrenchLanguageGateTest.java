package io.relais.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrenchLanguageGateTest {

    private final FrenchLanguageGate gate = new FrenchLanguageGate();

    @Test
    void frenchIsLetInAndAnotherLanguageIsNamed() {
        assertThat(gate.refusal("Le conseil municipal de Rennes a voté hier soir le budget de la ville pour l'année "
                + "prochaine, après un long débat sur les transports.")).isEmpty();
        assertThat(gate.refusal("The city council voted on the budget for next year last night, after a long debate "
                + "about public transport.")).hasValueSatisfying(r -> assertThat(r).startsWith("not French: identified as"));
    }

    @Test
    void aRunOfCharactersWithoutWordsIsToldSoNotGivenALanguage() {
        String run = "Titre " + "a".repeat(1_000_000);
        assertThat(gate.refusal(run)).hasValueSatisfying(r -> assertThat(r)
                .startsWith("no words to identify the language by: the text has a run of")
                .contains("characters or more without a space"));
    }

    @Test
    void aLongAddressInFrenchTextDoesNotChangeTheVerdict() {
        assertThat(gate.refusal("Le rapport complet est en ligne à l'adresse https://exemple.fr/" + "x".repeat(300)
                + " depuis ce matin, a indiqué la préfecture de Bretagne dans un communiqué.")).isEmpty();
    }
}
