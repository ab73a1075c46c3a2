package io.relais.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.relais.quality.internal.CalibratedSegmentScorer;
import io.relais.quality.internal.RoundTrip;
import io.relais.quality.internal.SegmentChecks;
import io.relais.quality.internal.SegmentEstimator;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedSegment;
import io.relais.engine.TranslatedText;
import io.relais.engine.apertium.ApertiumEngine;

/** English is checked in the variant Apertium writes, British: its spellings are no issues (issue #15). */
class EnglishVariantTest {

    static final String FRENCH = "Le centre de l'organisation est à cinq kilomètres du port. La couleur de l'avion est étonnante.";

    private static List<String> spelling(List<QualityIssue> issues, String text) {
        return issues.stream().filter(i -> "spelling".equals(i.severity()))
                .map(i -> text.substring(i.startOffset(), i.endOffset())).toList();
    }

    @Test
    void britishSpellingsOfTheEngineAreSpellingIssuesOnlyInAmericanEnglish() {
        TranslatedText en;
        try (ApertiumEngine engine = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), Map.of(),
                Duration.ofSeconds(60))) {
            en = engine.translateRoute(FRENCH, TextFormat.PLAIN, List.of("fr", "es", "en"));
        }
        assertThat(en.text()).contains("centre", "organisation", "kilometres", "colour");

        LanguageQualityChecker byDefault = new LanguageQualityChecker();
        assertThat(byDefault.variant("en")).isEqualTo("en-GB");
        assertThat(spelling(byDefault.check(en.text(), "en"), en.text()))
                .doesNotContain("centre", "organisation", "kilometres", "colour");

        LanguageQualityChecker american = new LanguageQualityChecker(Map.of("en", "en-US"));
        assertThat(spelling(american.check(en.text(), "en"), en.text()))
                .contains("centre", "organisation", "kilometres", "colour");
    }

    @Test
    void theCalibratedScorerGivesAnEstimateOnTheChrFScaleAndNothingWithoutAModel() {
        try (ApertiumEngine engine = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), Map.of(),
                Duration.ofSeconds(60))) {
            CalibratedSegmentScorer scorer = new CalibratedSegmentScorer(new SegmentEstimator(
                    SegmentChecks.standard(new LanguageQualityChecker()),
                    new RoundTrip(engine, new QualitySettings.RoundTrip(true, null).routeLists())), lang -> Map.of());
            TranslatedSegment segment = new TranslatedSegment("Le chat noir dort.", "The black cat sleeps.", "apertium",
                    "fr>es>en", io.relais.engine.UnknownMarks.NONE, false);
            assertThat(scorer.score(segment, "en")).isBetween(1.0, 100.0);
            assertThat(scorer.score(segment, "de")).isZero();
        }
    }
}
