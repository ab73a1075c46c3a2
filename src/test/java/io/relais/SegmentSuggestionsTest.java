package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.Article;
import io.relais.terminology.FixOrigin;
import io.relais.terminology.LearnedFix;
import io.relais.terminology.LearnedFixes;
import io.relais.terminology.SegmentSuggestions;
import io.relais.terminology.SegmentText;
import io.relais.terminology.SuggestionRequest;
import io.relais.terminology.Suggestions;
import io.relais.terminology.Suggestions.FixSuggestion;
import io.relais.terminology.TranslationMemory;

/**
 * Suggestions beside a segment on the real service (H2, Apertium for the glosses): translation memory fuzzy matches
 * with their score, the glossary terms of the French, and fixes editors made, propagated to the article's other
 * segments and to later articles — never applied, each an edit of the exact text it was computed on.
 */
class SegmentSuggestionsTest extends RelaisIntegrationTest {

    @Autowired
    SegmentSuggestions suggestions;

    @Autowired
    LearnedFixes fixes;

    @Autowired
    TranslationMemory memory;

    @Test
    void aSimilarFrenchSegmentBringsTheEditorsTranslationWithItsScore() {
        memory.remember("Le conseil départemental a voté un budget de trois millions pour les collèges de Vitré.",
                Article.SOURCE_LANGUAGE, "ca", "El consell departamental ha votat un pressupost de tres milions per als "
                        + "instituts de Vitré.", TranslationMemory.Origin.EDITOR, "editor", null, 0);
        memory.remember("Le conseil départemental a voté un budget de trois millions pour les collèges de Vitré.",
                Article.SOURCE_LANGUAGE, "ca", "El consell departamental va votar un pressupost de tres milions per als "
                        + "col·legis de Vitré.", TranslationMemory.Origin.MACHINE, "apertium", "fr>ca", 0);

        SegmentText target = SegmentText.plain("El consell departamental va votar un pressupost de quatre milions per als "
                + "col·legis de Vitré.");
        Suggestions s = suggestions.suggest(SuggestionRequest.of("ca", "title", SegmentText.plain(
                "Le conseil départemental a voté un budget de quatre millions pour les collèges de Vitré."), target, 0));

        assertThat(s.fingerprint()).isEqualTo(target.fingerprint());
        assertThat(s.memory()).isNotEmpty();
        Suggestions.MemoryMatch best = s.memory().get(0);
        assertThat(best.origin()).isEqualTo("EDITOR");
        assertThat(best.exact()).isFalse();
        assertThat(best.score()).isBetween(90, 99);
        assertThat(best.replacement()).startsWith("El consell departamental ha votat");
        assertThat(best.edit().applyTo(target).text()).isEqualTo(best.replacement());
    }

    @Test
    void theExactFrenchSegmentComesFirstAndAnHtmlBlockKeepsItsTag() {
        memory.remember("<p>La marée noire atteint les côtes du Finistère.</p>", Article.SOURCE_LANGUAGE, "es",
                "<p>La marea negra alcanza las costas de Finisterre.</p>", TranslationMemory.Origin.EDITOR, "editor",
                null, 0);
        SegmentText target = SegmentText.html("<h2>La marea negra alcanza las costas del Finistère.</h2>");
        Suggestions s = suggestions.suggest(SuggestionRequest.of("es", "body",
                SegmentText.html("<h2>La marée noire atteint les côtes du Finistère.</h2>"), target, 0));

        assertThat(s.memory()).first().satisfies(m -> {
            assertThat(m.exact()).isTrue();
            assertThat(m.score()).isEqualTo(100);
            assertThat(m.replacement()).isEqualTo("<h2>La marea negra alcanza las costas de Finisterre.</h2>");
        });
    }

    @Test
    void theGlossaryTermsOfTheFrenchAreListedWithWhetherTheTranslationHasThem() {
        SegmentText french = SegmentText.plain("Twitter et Facebook ont supprimé des comptes");
        SegmentText target = SegmentText.plain("Twitter y Faceboc suprimieron cuentas");
        Suggestions s = suggestions.suggest(SuggestionRequest.of("es", "title", french, target, 0));

        assertThat(s.terms()).extracting(Suggestions.TermHit::sourceTerm).containsExactly("Twitter", "Facebook");
        assertThat(s.terms().get(0).inTarget()).isTrue();
        assertThat(s.terms().get(1).inTarget()).isFalse();
        assertThat(french.text().substring(s.terms().get(1).sourceStart(), s.terms().get(1).sourceEnd()))
                .isEqualTo("Facebook");
    }

    @Test
    void aFixIsOfferedAtOnceInTheArticlesOtherSegmentsAndLaterInOtherArticles() {
        SegmentText french1 = SegmentText.html("<p>Le vol de vélos a augmenté à Saint-Brieuc.</p>");
        SegmentText machine1 = SegmentText.html("<p>El vuelo de bicicletas ha aumentado en Saint-Brieuc.</p>");
        SegmentText edited1 = SegmentText.html("<p>El robo de bicicletas ha aumentado en Saint-Brieuc.</p>");
        List<LearnedFix> learned = fixes.learn(new FixOrigin("es", 501, 9001, "body", "lea", false), french1, machine1,
                edited1);

        assertThat(learned).singleElement().satisfies(f -> {
            assertThat(f.machineWords()).isEqualTo("vuelo");
            assertThat(f.editorWords()).isEqualTo("robo");
            assertThat(f.sourceWords()).isEqualTo("vol");
            assertThat(f.editor()).isEqualTo("lea");
            assertThat(f.articleId()).isEqualTo(501);
            assertThat(f.at()).isNotNull();
        });

        // the same article's next paragraph: offered at once, on the exact text
        SegmentText french2 = SegmentText.html("<p>Un nouveau vol de vélos a eu lieu hier.</p>");
        SegmentText machine2 = SegmentText.html("<p>Un nuevo vuelo de bicicletas ha tenido lugar ayer.</p>");
        Suggestions s = suggestions.suggest(SuggestionRequest.of("es", "body", french2, machine2, 501));
        FixSuggestion offer = s.fixes().stream().filter(f -> f.replacement().equals("robo")).findFirst().orElseThrow();
        assertThat(offer.sameArticle()).isTrue();
        assertThat(machine2.text().substring(offer.start(), offer.end())).isEqualTo("vuelo");
        assertThat(offer.edit().applyTo(machine2).text()).isEqualTo("<p>Un nuevo robo de bicicletas ha tenido lugar ayer.</p>");

        // a later article: offered too, saying where it came from (in the shared test context another editor may
        // have taught the same fix, approved, which is then the one offered for these words)
        List<FixSuggestion> later = fixes.offers("es", SegmentText.plain("Vol de vélos à Lannion"),
                SegmentText.plain("Vuelo de bicicletas en Lannion"), 777);
        assertThat(later).filteredOn(f -> f.flagged().equals("Vuelo")).singleElement().satisfies(f -> {
            assertThat(f.sameArticle()).isFalse();
            assertThat(f.replacement()).isEqualTo("Robo");
            assertThat(f.fix().sourceWords()).isEqualTo("vol");
            assertThat(f.fix().editor()).isNotBlank();
            assertThat(f.fix().articleId()).isNotEqualTo(777);
            if (!f.fix().approved()) {
                assertThat(f.fix().articleId()).isEqualTo(501);
                assertThat(f.fix().editor()).isEqualTo("lea");
            }
        });

        // where the French does not say "vol", "vuelo" is a flight: nothing offered
        assertThat(fixes.offers("es", SegmentText.plain("L'avion a atterri à Rennes"),
                SegmentText.plain("El vuelo ha aterrizado en Rennes"), 777)).isEmpty();
    }

    @Test
    void anUndoneApprovalsFixesAreOfferedAfterTheApprovedOnes() {
        SegmentText french = SegmentText.plain("La grève des cheminots continue.");
        SegmentText machine = SegmentText.plain("La huelga de los ferroviarios continúa.");
        fixes.learn(new FixOrigin("es", 503, 9003, "title", "lea", true), french, machine,
                SegmentText.plain("El paro de los ferroviarios continúa."));
        fixes.learn(new FixOrigin("es", 504, 9004, "title", "noe", false), french, machine,
                SegmentText.plain("La huelga ferroviaria continúa."));
        SegmentText later = SegmentText.plain("La huelga de los ferroviarios continúa.");
        assertThat(fixes.offers("es", french, later, 900).get(0).fix().approved()).isTrue();

        assertThat(fixes.unapprove(9003)).isGreaterThan(0);

        assertThat(fixes.learnedIn(503, "es")).isNotEmpty().noneMatch(LearnedFix::approved);
        assertThat(fixes.offers("es", french, later, 900)).isNotEmpty().noneMatch(o -> o.fix().approved());
        assertThat(fixes.unapprove(9003)).isZero();
    }

    @Test
    void aNewDraftOfTheSameSegmentReplacesWhatWasLearnedFromTheLastOne() {
        SegmentText french = SegmentText.plain("Les marins pêcheurs manifestent à Lorient.");
        SegmentText machine = SegmentText.plain("Los marineros pescadores se manifiestan a Lorient.");
        FixOrigin origin = new FixOrigin("es", 502, 9002, "title", "lea", false);
        fixes.learn(origin, french, machine, SegmentText.plain("Los marineros pescadores se manifiestan e Lorient."));
        List<LearnedFix> last = fixes.learn(origin, french, machine,
                SegmentText.plain("Los marineros pescadores se manifiestan en Lorient."));

        assertThat(fixes.learnedIn(502, "es")).extracting(LearnedFix::editorWords).containsExactly("en");
        assertThat(last).extracting(LearnedFix::machineWords).containsExactly("a");
        assertThat(fixes.learn(origin, french, machine, machine)).isEmpty();
        assertThat(fixes.learnedIn(502, "es")).isEmpty();
    }
}
