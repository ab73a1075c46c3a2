package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.engine.finishing.Correction;
import io.relais.quality.DismissalScope;
import io.relais.quality.IssueDismissals;
import io.relais.quality.SegmentCheck;
import io.relais.quality.SegmentCheckRequest;
import io.relais.quality.SegmentIssue;
import io.relais.quality.SegmentReport;
import io.relais.terminology.Glossary;
import io.relais.terminology.GlossaryTerm;
import io.relais.terminology.NewsroomDictionary;
import io.relais.terminology.SegmentText;
import io.relais.terminology.StaleTextException;

/**
 * Signals editors can trust, on the real service (LanguageTool, Apertium, H2): a segment checked on demand, with
 * offsets into the text as passed, names of the source never spelling errors, the newsroom dictionary, finishing
 * corrections said as done, dismissals that hold for the segment, messages in the UI language.
 */
class SegmentSignalsTest extends RelaisIntegrationTest {

    @Autowired
    SegmentCheck check;

    @Autowired
    NewsroomDictionary dictionary;

    @Autowired
    IssueDismissals dismissals;

    @Autowired
    Glossary glossary;

    private static final Locale FR = Locale.FRENCH;
    private static final Locale ES = Locale.forLanguageTag("es");

    private SegmentReport check(String lang, String french, SegmentText target, Locale ui) {
        return check.check(SegmentCheckRequest.of(lang, "body", SegmentText.html(french), target, ui));
    }

    @Test
    void placeNamesOfTheFrenchAreNeverSpellingErrors() {
        SegmentReport report = check("es", "<p>Les habitants de Rennes, Vitré et Janzé en Ille-et-Vilaine ont voté.</p>",
                SegmentText.html("<p>Los habitantes de Rennes, Vitré y Janzé en Ille-et-Vilaine han votado.</p>"),
                Locale.ENGLISH);

        assertThat(report.open()).extracting(SegmentIssue::flagged)
                .doesNotContain("Rennes", "Vitré", "Janzé", "Ille", "Vilaine", "Ille-et-Vilaine");
        assertThat(report.open()).noneMatch(i -> i.kind() == SegmentIssue.Kind.SPELLING);
    }

    @Test
    void aRealSpellingErrorIsFlaggedWithOffsetsIntoTheHtmlAsPassed() {
        String html = "<p>El <em>consejo</em> &amp; los vecinos aprovaron el presupuesto.</p>";
        SegmentReport report = check("es", "<p>Le <em>conseil</em> &amp; les voisins ont approuvé le budget.</p>",
                SegmentText.html(html), Locale.ENGLISH);

        SegmentIssue spelling = report.open().stream().filter(i -> i.flagged().equals("aprovaron")).findFirst()
                .orElseThrow();
        assertThat(html.substring(spelling.start(), spelling.end())).isEqualTo("aprovaron");
        assertThat(spelling.fingerprint()).isEqualTo(SegmentText.html(html).fingerprint());
        assertThat(spelling.fix()).isNotNull();
        assertThat(spelling.suggestions()).as("LanguageTool's suggestions, best first").contains("aprobaron");
        SegmentText fixed = spelling.fix().applyTo(SegmentText.html(html));
        assertThat(fixed.text()).isEqualTo(html.replace("aprovaron", spelling.suggestions().get(0)));
        assertThat(fixed.text()).contains("<em>consejo</em> &amp; los");
    }

    @Test
    void aFixComputedOnAnotherTextIsRefused() {
        String html = "<p>Los vecinos aprovaron el presupuesto.</p>";
        SegmentReport report = check("es", "<p>Les voisins ont approuvé le budget.</p>", SegmentText.html(html),
                Locale.ENGLISH);
        SegmentIssue spelling = report.open().stream().filter(i -> i.flagged().equals("aprovaron")).findFirst()
                .orElseThrow();

        SegmentText edited = SegmentText.html("<p>Todos los vecinos aprovaron el presupuesto.</p>");
        assertThatThrownBy(() -> spelling.fix().applyTo(edited)).isInstanceOf(StaleTextException.class);
    }

    @Test
    void aWordAddedToTheNewsroomDictionaryIsNoLongerFlaggedEvenWhenTheCheckWasCached() {
        SegmentText target = SegmentText.plain("El festival Bzhrockfest llena la ciudad.");
        SegmentReport before = check.check(SegmentCheckRequest.of("es", "title",
                SegmentText.plain("Le festival llena la ville."), target, Locale.ENGLISH));
        assertThat(before.open()).extracting(SegmentIssue::flagged).contains("Bzhrockfest");

        dictionary.add("es", "Bzhrockfest", "lea");
        SegmentReport after = check.check(SegmentCheckRequest.of("es", "title",
                SegmentText.plain("Le festival llena la ville."), target, Locale.ENGLISH));

        assertThat(after.open()).extracting(SegmentIssue::flagged).doesNotContain("Bzhrockfest");
        assertThat(dictionary.list("es")).extracting(NewsroomDictionary.Word::word).contains("Bzhrockfest");

        dictionary.remove("es", "Bzhrockfest");
        SegmentReport removed = check.check(SegmentCheckRequest.of("es", "title",
                SegmentText.plain("Le festival llena la ville."), target, Locale.ENGLISH));
        assertThat(removed.open()).extracting(SegmentIssue::flagged).contains("Bzhrockfest");
    }

    @Test
    void aWordOfTheNewsroomDictionaryIsNoFrenchWordLeftEither() {
        SegmentText french = SegmentText.plain("Nous avons mangé dans un bouchon à Lyon.");
        SegmentText target = SegmentText.plain("Comimos en un bouchon en Lyon.");
        assertThat(check.check(SegmentCheckRequest.of("es", "title", french, target, Locale.ENGLISH)).open())
                .extracting(SegmentIssue::ruleId).contains("FRENCH_WORD");
        try {
            dictionary.add("es", "bouchon", "lea");
            assertThat(check.check(SegmentCheckRequest.of("es", "title", french, target, Locale.ENGLISH)).open())
                    .extracting(SegmentIssue::ruleId).doesNotContain("FRENCH_WORD");
        } finally {
            dictionary.remove("es", "bouchon");
        }
    }

    @Test
    void aWordOfAGlossaryRenderingIsNeverASpellingError() {
        GlossaryTerm term = glossary.put("ca", "Breizh Cola", "Breizhkola");
        try {
            SegmentReport report = check("ca", "<p>Le Breizh Cola se vend bien à Quimper.</p>",
                    SegmentText.html("<p>El Breizhkola es ven bé a Quimper.</p>"), Locale.ENGLISH);
            assertThat(report.open()).extracting(SegmentIssue::flagged).doesNotContain("Breizhkola");
        } finally {
            glossary.delete(term.id());
        }
    }

    @Test
    void theDictionaryIsAnApiThatRefusesWhatIsNoWord() {
        HttpResponse<String> added = post("/api/dictionary/ca", "{\"word\": \"Plouguernével\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.body()).contains("\"word\":\"Plouguernével\"").contains("\"addedBy\":\"admin\"");
        assertThat(get("/api/dictionary/ca").body()).contains("Plouguernével");

        HttpResponse<String> refused = post("/api/dictionary/ca", "{\"word\": \"two words\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("not a word");
        assertThat(post("/api/dictionary/xx-yy-zz", "{\"word\": \"mot\"}").statusCode()).isEqualTo(400);

        assertThat(delete("/api/dictionary/ca/Plouguern%C3%A9vel").statusCode()).isEqualTo(204);
        assertThat(delete("/api/dictionary/ca/Plouguern%C3%A9vel").statusCode()).isEqualTo(404);
        assertThat(anonymousGet("http://localhost:" + port + "/api/dictionary/ca").statusCode()).isIn(401, 302);
    }

    @Test
    void aFinishingCorrectionIsReportedAsDoneNotAsAnError() {
        SegmentText target = SegmentText.plain("Las elecciones: el resultado.");
        SegmentReport report = check.check(SegmentCheckRequest.of("es", "title",
                SegmentText.plain("Les élections : le résultat."), target, FR)
                .withCorrections(List.of(new Correction("TYPO_SPACE_BEFORE_COLON", "no space before a colon",
                        "elecciones :", "elecciones:"))));

        assertThat(report.corrected()).singleElement().satisfies(c -> {
            assertThat(c.message()).isEqualTo("corrigé : elecciones : → elecciones:");
            assertThat(c.blocking()).isFalse();
            assertThat(c.suggestions()).containsExactly("elecciones :");
            assertThat(target.text().substring(c.start(), c.end())).isEqualTo("elecciones:");
        });
        assertThat(report.open()).noneMatch(i -> i.kind() == SegmentIssue.Kind.CORRECTED);
    }

    @Test
    void relaisOwnMessagesComeInTheUiLanguage() {
        SegmentText target = SegmentText.plain("El resultado es de 12 por ciento.");
        SegmentReport fr = check.check(SegmentCheckRequest.of("es", "title",
                SegmentText.plain("Le résultat est de 15 %."), target, FR));
        SegmentReport es = check.check(SegmentCheckRequest.of("es", "title",
                SegmentText.plain("Le résultat est de 15 %."), target, ES));

        assertThat(fr.open()).extracting(SegmentIssue::message).contains("Ce chiffre n'est pas dans le texte français : 12");
        assertThat(es.open()).extracting(SegmentIssue::message).contains("Esta cifra no está en el texto francés: 12");
        assertThat(fr.open()).filteredOn(i -> i.checker().equals("numbers")).allMatch(i -> i.messageLang().equals("fr"));
    }

    @Test
    void languageToolsOwnMessageComesInTheUiLanguageWhereLanguageToolHasIt() {
        SegmentText target = SegmentText.plain("Los vecinos aprovaron el presupuesto.");
        SegmentText french = SegmentText.plain("Les voisins ont approuvé le budget.");
        SegmentIssue fr = check.check(SegmentCheckRequest.of("es", "title", french, target, FR)).open().stream()
                .filter(i -> i.flagged().equals("aprovaron")).findFirst().orElseThrow();
        SegmentIssue es = check.check(SegmentCheckRequest.of("es", "title", french, target, ES)).open().stream()
                .filter(i -> i.flagged().equals("aprovaron")).findFirst().orElseThrow();

        assertThat(es.messageLang()).isEqualTo("es");
        assertThat(fr.messageLang()).isEqualTo("fr");
        assertThat(fr.message()).isNotEqualTo(es.message()).isEqualTo("Faute de frappe possible trouvée.");
    }

    @Test
    void theEstimateIsSaidAsItsReasonsInTheUiLanguage() {
        SegmentCheckRequest request = SegmentCheckRequest.of("en", "title",
                SegmentText.plain("Les mesures ont été faites en Bretagne."),
                SegmentText.plain("The measures have been done in Bretaña."), FR).withRoute("fr>es>en");

        assertThat(check.check(request).estimate().reasons()).extracting(r -> r.message())
                .contains("mot resté en espagnol : Bretaña");
        assertThat(check.check(request.withRoute("fr>es>en")).estimate().attention()).isTrue();
        SegmentCheckRequest english = SegmentCheckRequest.of("en", "title",
                SegmentText.plain("Les mesures ont été faites en Bretagne."),
                SegmentText.plain("The measures have been done in Bretaña."), Locale.ENGLISH).withRoute("fr>es>en");
        assertThat(check.check(english).estimate().reasons()).extracting(r -> r.message())
                .contains("Spanish word left: Bretaña").noneMatch(m -> m.contains("below"));
    }

    @Test
    void theRoundTripSaysWhichFrenchWordItLost() {
        SegmentText french = SegmentText.plain("Le vol de Rennes a été annulé.");
        SegmentCheckRequest request = SegmentCheckRequest.of("es", "title", french,
                SegmentText.plain("El de Rennes ha sido anulado."), Locale.ENGLISH).withRoundTrip(true);

        assertThat(check.check(request).estimate().reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("ROUND_TRIP_LOST");
            assertThat(r.message()).isEqualTo("round trip lost ‘vol’");
        });
        SegmentCheckRequest whole = SegmentCheckRequest.of("es", "title", french,
                SegmentText.plain("El vuelo de Rennes ha sido anulado."), Locale.ENGLISH).withRoundTrip(true);
        assertThat(check.check(whole).estimate().reasons()).extracting(r -> r.code()).doesNotContain("ROUND_TRIP_LOST");
    }

    @Test
    void aDismissedIssueStaysDismissedForItsSegmentUntilItsWordsChange() {
        SegmentText french = SegmentText.plain("Les voisins ont approuvé le budget.");
        SegmentText target = SegmentText.plain("Los vecinos aprovaron el presupuesto.");
        SegmentCheckRequest request = SegmentCheckRequest.of("es", "title", french, target, Locale.ENGLISH)
                .withArticle(991);
        SegmentIssue spelling = check.check(request).open().stream().filter(i -> i.flagged().equals("aprovaron"))
                .findFirst().orElseThrow();

        dismissals.dismiss(DismissalScope.of(991, "es", "title", french), spelling.key(), "a regional form", "lea");

        SegmentReport again = check.check(request.withArticle(991));
        assertThat(again.open()).extracting(SegmentIssue::flagged).doesNotContain("aprovaron");
        assertThat(again.dismissed()).singleElement().satisfies(d -> {
            assertThat(d.dismissed().reason()).isEqualTo("a regional form");
            assertThat(d.dismissed().username()).isEqualTo("lea");
            assertThat(d.dismissed().at()).isNotNull();
        });

        // an edit elsewhere in the segment keeps it dismissed
        SegmentReport edited = check.check(SegmentCheckRequest.of("es", "title", french,
                SegmentText.plain("Todos los vecinos aprovaron el presupuesto."), Locale.ENGLISH).withArticle(991));
        assertThat(edited.open()).extracting(SegmentIssue::flagged).doesNotContain("aprovaron");

        // other words flagged: a new issue
        SegmentReport other = check.check(SegmentCheckRequest.of("es", "title", french,
                SegmentText.plain("Los vecinos aprobaronn el presupuesto."), Locale.ENGLISH).withArticle(991));
        assertThat(other.open()).extracting(SegmentIssue::flagged).contains("aprobaronn");

        // another article: not dismissed there
        assertThat(check.check(request.withArticle(992)).open()).extracting(SegmentIssue::flagged).contains("aprovaron");
    }
}
