package io.relais.engine.apertium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Placeholders in and names back out, without Apertium (the run reader is given). */
class NamePlaceholdersTest {

    static final Map<String, String> TERMS = new LinkedHashMap<>(Map.of("Vladimir Poutine", "Vladimir Putin",
            "Twitter", "Twitter"));

    /** Reads every run as a name except one starting with "Le ". */
    static final NamePlaceholders.RunReader ALL_NAMES = run -> run.startsWith("Le ") ? null : run;

    @Test
    void termsAndNamedRunsBecomePlaceholderWordsAndComeBackAsTheTargetWritesThem() {
        NamePlaceholders names = new NamePlaceholders(TERMS, ALL_NAMES);
        String sent = names.substitute("Vladimir Poutine et Twitter parlent de la Société Générale et de Twitter.");
        assertThat(sent).doesNotContain("Poutine").doesNotContain("Twitter").doesNotContain("Société")
                .contains(NamePlaceholders.PREFIX);
        String back = names.restore(sent.replace("parlent de la", "speak of the").replace(" et de ", " and ")
                .replace(" et ", " and "), false);
        assertThat(back).isEqualTo("Vladimir Putin and Twitter speak of the Société Générale and Twitter.");
    }

    @Test
    void aWordCapitalisedAfterANameIsLoweredAsTheNameWasNotTheSentenceStart() {
        NamePlaceholders names = new NamePlaceholders(TERMS, ALL_NAMES);
        String sent = names.substitute("Twitter a indiqué");
        assertThat(names.restore(sent.replace(" a indiqué", " Has indicated"), false)).isEqualTo("Twitter has indicated");
        assertThat(names.restore(sent + " I", false)).as("a one-letter word is not lowered").endsWith(" I");
    }

    @Test
    void aRunTheReaderRejectsIsLeftAsItIs() {
        NamePlaceholders names = new NamePlaceholders(Map.of(), ALL_NAMES);
        assertThat(names.substitute("Le Monde a écrit.")).isEqualTo("Le Monde a écrit.");
        assertThat(names.isEmpty()).isTrue();
    }

    @Test
    void namesAreEscapedWhenPutBackIntoHtml() {
        NamePlaceholders names = new NamePlaceholders(Map.of("AT&T", "AT&T"), null);
        String sent = names.substitute("AT&T vend.");
        assertThat(names.restore(sent, true)).isEqualTo("AT&amp;T vend.");
    }

    @Test
    void aLostPlaceholderIsNoticed() {
        NamePlaceholders names = new NamePlaceholders(TERMS, null);
        String sent = names.substitute("Twitter et Vladimir Poutine.");
        assertThat(names.allPresentIn(sent)).isTrue();
        assertThat(names.allPresentIn(sent.substring(0, 8))).isFalse();
    }
}
