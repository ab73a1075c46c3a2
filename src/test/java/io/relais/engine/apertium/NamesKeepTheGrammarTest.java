package io.relais.engine.apertium;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.relais.terminology.GlossarySeed;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedText;

/** Protected names and unknown capitalised runs on the real Apertium programs, through every hop of a pivot. */
class NamesKeepTheGrammarTest {

    static ApertiumEngine engine;

    @BeforeAll
    static void start() {
        engine = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), Map.of("en", "fr>es>en", "es", "fr>es"),
                Duration.ofSeconds(60));
        engine.useGlossary(GlossarySeed::termsFor);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static String en(String french, String... hops) {
        return engine.translateRoute(french, TextFormat.PLAIN, List.of(hops.length == 0 ? new String[] {"fr", "es", "en"}
                : hops)).text();
    }

    @Test
    void aProtectedNameStaysTheSubjectOfItsSentence() {
        assertThat(en("Twitter a indiqué jeudi que 1.823 messages ont été supprimés."))
                .startsWith("Twitter has indicated Thursday that 1,823");
    }

    @Test
    void aProtectedNameIsNotFollowedByACapitalisedVerb() {
        String en = en("Facebook avait lui aussi révélé des comptes.");
        assertThat(en).startsWith("Facebook ").doesNotContain("It ").doesNotContain("Had ").doesNotContain("There ");
        assertThat(en.charAt("Facebook ".length())).isLowerCase();
    }

    @Test
    void aProtectedTwoWordNameKeepsTheVerbAfterIt() {
        assertThat(en("Donald Trump a qualifié la décision de scandaleuse."))
                .startsWith("Donald Trump has described the decision");
    }

    @Test
    void theCatalanPivotNoLongerTurnsTwitterIntoAVerb() {
        assertThat(en("Twitter a indiqué jeudi que les messages ont été supprimés.", "fr", "ca", "en"))
                .startsWith("Twitter has ");
    }

    @Test
    void runsOfCapitalisedWordsStayVerbatimThroughEveryHopWithoutAGlossary() {
        assertThat(en("Selon la banque, la Société Générale a perdu de l'argent.")).contains("Société Générale")
                .doesNotContainIgnoringCase("general society");
        assertThat(en("Le gouvernement a interdit la chaîne Russia Today en mars.", "fr", "ca", "en"))
                .contains("Russia Today");
        assertThat(en("La banque Crédit Agricole a ouvert une agence.", "fr", "ca", "it")).contains("Crédit Agricole");
    }

    @Test
    void theFirstWordOfASentenceIsNotTakenForAName() {
        assertThat(en("Le Président a parlé hier.")).startsWith("The");
        assertThat(en("La Poste a livré les colis.")).doesNotContain("Poste");
    }

    @Test
    void capitalisedCommonWordsAndPlaceNamesAreLeftToApertium() {
        assertThat(en("Il a reçu le prix du Meilleur Acteur.", "fr", "es")).contains("Mejor Actor");
        assertThat(en("Le président des États-Unis Barack Obama a parlé.", "fr", "es"))
                .contains("Estados Unidos").contains("Barack Obama");
        assertThat(en("Elle a visité le Musée Anne Frank.", "fr", "es")).contains("Museo Anne Frank");
    }

    @Test
    void aGlossaryRenderingIsWrittenInsideHtml() {
        TranslatedText t = engine.translate("<p>Vladimir Poutine a parlé avec <b>Donald Trump</b> &amp; AT&amp;T.</p>",
                TextFormat.HTML, "fr", "en");
        assertThat(t.text()).contains("Vladimir Putin").contains("<b>Donald Trump</b>").startsWith("<p>");
    }

    @Test
    void placeholdersAreNotCountedAsUnknownWords() {
        TranslatedText t = engine.translateRoute("Twitter et la Société Générale ont signé.", TextFormat.PLAIN,
                List.of("fr", "es", "en"));
        assertThat(t.unknownWords()).isZero();
        assertThat(t.parts().get(0).marks().total()).isZero();
    }
}
