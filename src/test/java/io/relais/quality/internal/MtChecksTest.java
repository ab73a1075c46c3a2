package io.relais.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.relais.quality.QualityIssue;
import io.relais.terminology.GlossarySeed;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedText;
import io.relais.engine.UnknownMarks;
import io.relais.engine.apertium.ApertiumEngine;

/**
 * Each named check on what the real Apertium pipelines write for real French sentences. Where a check guards against
 * a fault the engine did not make on that sentence, the fault is made on the engine's output (a figure changed, a
 * link dropped) and the untouched output is checked too.
 */
class MtChecksTest {

    static ApertiumEngine engine;
    static ApertiumEngine withGlossary;
    static Spellers SPELLERS = new Spellers();

    @BeforeAll
    static void start() {
        engine = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), Map.of(), Duration.ofSeconds(60));
        withGlossary = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), Map.of(), Duration.ofSeconds(60));
        withGlossary.useGlossary(GlossarySeed::termsFor);
    }

    @AfterAll
    static void stop() {
        engine.close();
        withGlossary.close();
        SPELLERS = null;   // the spellers are large: let the rest of the suite have the memory
    }

    private static CheckedSegment translate(ApertiumEngine with, String french, String route) {
        TranslatedText t = with.translateRoute(french, TextFormat.PLAIN, List.of(route.split(">")));
        String lang = route.substring(route.lastIndexOf('>') + 1);
        return CheckedSegment.of(french, t.text(), TextFormat.PLAIN, lang, route,
                new UnknownMarks(t.unknownWords(), 0, 0), GlossarySeed.termsFor(lang));
    }

    private static List<String> rules(MtCheck check, CheckedSegment segment) {
        return check.check(segment).stream().map(QualityIssue::ruleId).toList();
    }

    private static List<String> flagged(MtCheck check, CheckedSegment segment) {
        return check.check(segment).stream().filter(i -> i.startOffset() >= 0)
                .map(i -> segment.targetText().substring(i.startOffset(), i.endOffset())).toList();
    }

    @Test
    void aSpanishWordLeftByTheFrEsEnPivotIsALeak() {
        CheckedSegment en = translate(engine, "Les mesures ont été faites en Bretagne.", "fr>es>en");
        assertThat(en.targetText()).contains("Bretaña");
        assertThat(flagged(new PivotLeakCheck(SPELLERS), en)).containsExactly("Bretaña");
    }

    @Test
    void aCatalanWordLeftByTheFrCaEnPivotIsALeak() {
        CheckedSegment en = translate(engine, "La marée noire a touché la Bretagne et la Normandie.", "fr>ca>en");
        assertThat(en.targetText()).contains("Bretanya");
        assertThat(flagged(new PivotLeakCheck(SPELLERS), en)).containsExactly("Bretanya");
    }

    @Test
    void aDirectRouteHasNoPivotToLeak() {
        CheckedSegment es = translate(engine, "Les mesures ont été faites en Bretagne.", "fr>es");
        assertThat(new PivotLeakCheck(SPELLERS).check(es)).isEmpty();
    }

    @Test
    void aFrenchWordTheEngineDidNotKnowIsFlaggedAsUntranslated() {
        CheckedSegment en = translate(engine, "Les patients diabétiques ont reçu des courriels.", "fr>es>en");
        assertThat(en.targetText()).contains("diabétiques").contains("courriels");
        assertThat(flagged(new UntranslatedFrenchCheck(SPELLERS), en)).containsExactly("diabétiques", "courriels");
        assertThat(new UntranslatedFrenchCheck(SPELLERS).check(translate(engine, "Le chat noir dort dans la maison.",
                "fr>es>en"))).isEmpty();
    }

    @Test
    void aWholeFrenchSentenceInTheTranslationIsBlocking() {
        // what a failing engine that echoes its input would give: the French text in place of the translation
        String french = "Le gouvernement a annoncé hier une réforme importante des retraites.";
        CheckedSegment echoed = CheckedSegment.of(french, french, TextFormat.PLAIN, "en", "fr>es>en", UnknownMarks.NONE,
                Map.of());
        List<QualityIssue> issues = new UntranslatedFrenchCheck(SPELLERS).check(echoed);
        assertThat(issues).anyMatch(i -> i.ruleId().equals("FRENCH_SENTENCE") && i.blocking());
        CheckedSegment translated = translate(engine, french, "fr>es>en");
        assertThat(rules(new UntranslatedFrenchCheck(SPELLERS), translated)).doesNotContain("FRENCH_SENTENCE");
        // one French sentence among translated ones: found, and placed on it
        String mixed = "The council met on Monday. " + french + " The vote is next week.";
        CheckedSegment partly = CheckedSegment.of(french, mixed, TextFormat.PLAIN, "en", "fr>es>en", UnknownMarks.NONE,
                Map.of());
        assertThat(new UntranslatedFrenchCheck(SPELLERS).check(partly))
                .filteredOn(i -> i.ruleId().equals("FRENCH_SENTENCE")).singleElement()
                .satisfies(i -> assertThat(mixed.substring(i.startOffset(), i.endOffset()))
                        .isEqualTo(french));
        // a short text, or one whose words the speller knows, has no French sentence to look for
        assertThat(rules(new UntranslatedFrenchCheck(SPELLERS), CheckedSegment.of("Bonjour à tous.",
                "Bonjour à tous.", TextFormat.PLAIN, "en", "fr>es>en", UnknownMarks.NONE, Map.of())))
                .doesNotContain("FRENCH_SENTENCE");
    }

    @Test
    void unknownWordMarksAreReportedByKind() {
        CheckedSegment en = translate(engine, "Il a parlé d'un canular hier soir.", "fr>es>en");
        assertThat(en.marks().total()).isPositive();
        assertThat(rules(new UnknownMarksCheck(), en)).containsExactly("UNKNOWN");
        CheckedSegment kinds = CheckedSegment.of(en.sourceText(), en.targetText(), TextFormat.PLAIN, "en", "fr>es>en",
                new UnknownMarks(1, 2, 1), Map.of());
        assertThat(new UnknownMarksCheck().check(kinds)).extracting(QualityIssue::message)
                .containsExactly("1 word(s) the engine did not know, copied as they are (*)",
                        "2 word(s) missing from the bilingual dictionary (@)",
                        "1 word(s) the engine could not generate (#)");
    }

    @Test
    void figuresWrittenTheTargetsWayMatchTheSource() {
        CheckedSegment en = translate(withGlossary, "Twitter a indiqué que 1.823 messages ont été publiés à 15h30.",
                "fr>es>en");
        assertThat(en.targetText()).contains("1,823").contains("3:30 p.m.");
        assertThat(new NumbersCheck().check(en)).isEmpty();
        CheckedSegment es = translate(withGlossary, "Le train part à 15h30 avec 3,5 % de retard.", "fr>es");
        assertThat(es.targetText()).contains("15:30");
        assertThat(new NumbersCheck().check(es)).isEmpty();
    }

    @Test
    void aChangedFigureIsBlocking() {
        CheckedSegment en = translate(withGlossary, "Le budget atteint 274.000 dollars cette année.", "fr>es>en");
        assertThat(en.targetText()).contains("274,000");
        CheckedSegment changed = new CheckedSegment(en.sourceText(), en.targetText().replace("274,000", "247,000"), null,
                null, "en", en.hops(), en.marks(), Map.of());
        assertThat(new NumbersCheck().check(changed)).extracting(QualityIssue::ruleId)
                .containsExactlyInAnyOrder("NUMBER_NOT_IN_SOURCE", "NUMBER_MISSING");
        assertThat(flagged(new NumbersCheck(), changed)).containsExactly("247,000");
    }

    @Test
    void webAndMailAddressesMustSurviveTranslation() {
        String french = "Consultez www.exemple.fr/aide ou écrivez à contact@exemple.fr pour plus d'informations.";
        CheckedSegment viaSpanish = translate(engine, french, "fr>es>en");
        assertThat(new UrlsAndEmailsCheck().check(viaSpanish)).isEmpty();
        CheckedSegment lost = new CheckedSegment(french, viaSpanish.targetText().replace("contact@exemple.fr", "contact"),
                null, null, "en", viaSpanish.hops(), UnknownMarks.NONE, Map.of());
        assertThat(rules(new UrlsAndEmailsCheck(), lost)).containsExactly("EMAIL_CHANGED");
    }

    @Test
    void linksImagesAndEmphasisAreKept() {
        String html = "<p>Le président a visité <a href=\"https://exemple.fr/a\">la maison</a> <em>rouge</em>."
                + " <img src=\"https://exemple.fr/p.jpg\" alt=\"Une photo\"></p>";
        TranslatedText es = engine.translateRoute(html, TextFormat.HTML, List.of("fr", "es"));
        CheckedSegment kept = CheckedSegment.of(html, es.text(), TextFormat.HTML, "es", "fr>es", UnknownMarks.NONE, Map.of());
        assertThat(new MarkupCheck().check(kept)).isEmpty();
        String broken = es.text().replaceAll("</?em>", "").replace("https://exemple.fr/a", "https://exemple.fr/b");
        CheckedSegment lost = CheckedSegment.of(html, broken, TextFormat.HTML, "es", "fr>es", UnknownMarks.NONE, Map.of());
        assertThat(rules(new MarkupCheck(), lost)).containsExactlyInAnyOrder("EMPHASIS_COUNT", "LINK_TARGET");
    }

    @Test
    void aProtectedTermTheEngineTranslatedIsBlocking() {
        String french = "Twitter a indiqué jeudi que les messages venaient de Russie.";
        CheckedSegment raw = translate(engine, french, "fr>ca>en");
        assertThat(raw.targetText()).doesNotContain("Twitter");
        assertThat(new GlossaryCheck().check(raw)).extracting(QualityIssue::ruleId).containsExactly("TERM_MISSING");
        assertThat(new GlossaryCheck().check(translate(withGlossary, french, "fr>ca>en"))).isEmpty();
    }

    @Test
    void aQuestionStaysAQuestion() {
        CheckedSegment en = translate(engine, "Qui a gagné les élections ?", "fr>ca>en");
        assertThat(en.targetText()).endsWith("?");
        assertThat(new EndPunctuationCheck().check(en)).isEmpty();
        CheckedSegment cut = new CheckedSegment(en.sourceText(), en.targetText().replace("?", ""), null, null, "en",
                en.hops(), UnknownMarks.NONE, Map.of());
        assertThat(rules(new EndPunctuationCheck(), cut)).containsExactly("END_PUNCTUATION");
    }

    @Test
    void aWordWrittenTwiceIsFlagged() {
        CheckedSegment en = translate(engine, "Les satellites sont entrés en collision à 790 km au-dessus de la Terre.",
                "fr>es>en");
        assertThat(flagged(new DoubledWordsCheck(), en)).containsExactly("in in");
    }

    @Test
    void anAbbreviationsFullStopBeforeTheSentencesIsDoubledPunctuation() {
        CheckedSegment en = translate(withGlossary, "Le train part à 15h30.", "fr>es>en");
        assertThat(en.targetText()).endsWith("p.m..");
        assertThat(flagged(new DoubledPunctuationCheck(), en)).containsExactly("..");
        assertThat(new DoubledPunctuationCheck().check(translate(withGlossary, "Il pleut... encore.", "fr>es"))).isEmpty();
    }

    @Test
    void frenchTypographyInAnotherLanguageIsFlagged() {
        CheckedSegment en = translate(engine, "Élections municipales : la participation en hausse à Lyon", "fr>es>en");
        assertThat(flagged(new FrenchTypographyCheck(), en)).containsExactly(" :");
        CheckedSegment quotes = translate(engine, "Il a parlé d'un « canular » hier.", "fr>ca>en");
        assertThat(rules(new FrenchTypographyCheck(), quotes)).containsExactly("FRENCH_QUOTES", "FRENCH_QUOTES");
        CheckedSegment es = translate(engine, "Il a parlé d'un « canular » hier.", "fr>es");
        assertThat(rules(new FrenchTypographyCheck(), es)).containsOnly("SPACED_GUILLEMETS");
    }

    @Test
    void aTranslationFarShorterThanItsSourceIsAnOutlier() {
        String first = "Le gouvernement a présenté mardi un projet de loi sur les retraites.";
        String second = " Les syndicats ont appelé à une grève nationale la semaine prochaine dans tous les secteurs.";
        CheckedSegment whole = translate(engine, first + second, "fr>es");
        assertThat(new LengthRatioCheck().check(whole)).isEmpty();
        // an engine that lost the second sentence (the text of a truncated request) gives less than half the length
        CheckedSegment firstOnly = translate(engine, "Le gouvernement a présenté un projet.", "fr>es");
        CheckedSegment truncated = new CheckedSegment(first + second + second, firstOnly.targetText(), null, null, "es",
                whole.hops(), UnknownMarks.NONE, Map.of());
        assertThat(rules(new LengthRatioCheck(), truncated)).containsExactly("LENGTH_RATIO");
    }
}
