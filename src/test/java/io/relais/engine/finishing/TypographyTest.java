package io.relais.engine.finishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The target languages' typography on what Apertium writes from French. */
class TypographyTest {

    private final List<Correction> corrections = new ArrayList<>();

    private String apply(String text, String target) {
        return Typography.apply(text, target, corrections::add);
    }

    @Test
    void englishQuotesWithCurlyQuotationMarks() {
        assertThat(apply("He spoke of a « hoax » yesterday.", "en")).isEqualTo("He spoke of a “hoax” yesterday.");
        assertThat(corrections).extracting(Correction::rule).contains("TYPO_QUOTES", "TYPO_GUILLEMET_SPACE");
    }

    @Test
    void spanishCatalanItalianAndPortugueseKeepGuillemetsWithoutTheFrenchSpaces() {
        for (String lang : List.of("es", "ca", "it", "pt")) {
            assertThat(apply("Habló de un « bulo » ayer.", lang)).isEqualTo("Habló de un «bulo» ayer.");
        }
        assertThat(apply("un «\u00A0bulo\u00A0»", "es")).isEqualTo("un «bulo»");
    }

    @Test
    void noSpaceBeforeColonSemicolonExclamationOrQuestionMarkOutsideFrench() {
        assertThat(apply("Municipal elections : the participation ; really ? Yes !", "en"))
                .isEqualTo("Municipal elections: the participation; really? Yes!");
        assertThat(apply("Eleccions municipals\u00A0: la participació", "ca")).isEqualTo("Eleccions municipals: la participació");
        assertThat(corrections).extracting(Correction::rule).containsOnly("TYPO_SPACE_BEFORE_PUNCTUATION");
    }

    @Test
    void anAbbreviationEndingASentenceTakesOneFullStop() {
        assertThat(apply("The meeting starts at 3:30 p.m..", "en")).isEqualTo("The meeting starts at 3:30 p.m.");
        assertThat(apply("Wait... and see.", "en")).as("an ellipsis stays").isEqualTo("Wait... and see.");
        assertThat(apply("Really?. Yes,, really!.", "en")).isEqualTo("Really? Yes, really!");
        assertThat(corrections).extracting(Correction::rule).containsOnly("TYPO_DOUBLED_PUNCTUATION");
    }

    @Test
    void eachCorrectionRecordsTheTextBeforeAndAfter() {
        apply("Elections : the vote", "en");
        assertThat(corrections).singleElement().satisfies(c -> {
            assertThat(c.original()).contains("Elections :");
            assertThat(c.replacement()).contains("Elections:");
            assertThat(c.message()).isNotBlank();
        });
    }

    @Test
    void frenchIsLeftAsItIs() {
        assertThat(apply("Élections municipales : la « participation » ?", "fr"))
                .isEqualTo("Élections municipales : la « participation » ?");
        assertThat(corrections).isEmpty();
    }

    @Test
    void textWithoutFrenchTypographyIsUnchanged() {
        assertThat(apply("The price rose 5% in January: a record.", "en")).isEqualTo("The price rose 5% in January: a record.");
        assertThat(corrections).isEmpty();
    }
}
