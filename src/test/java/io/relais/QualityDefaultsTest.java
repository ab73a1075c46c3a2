package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.quality.FieldText;
import io.relais.quality.LanguageQualityChecker;
import io.relais.quality.QualityReport;
import io.relais.quality.SegmentEstimate;
import io.relais.quality.TranslationQuality;
import io.relais.quality.internal.SegmentEstimator;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedText;
import io.relais.engine.Translator;

/**
 * The shipped settings: the round trip is off, so each language is estimated with its model fitted on the checks
 * alone, and en's candidate routes are chosen by unknown-word marks, so that a segment translated along two routes
 * is read by LanguageTool once (the finishing's run, reused by the check).
 */
class QualityDefaultsTest extends RelaisIntegrationTest {

    static final String FRENCH = "Le conseil municipal de Brest a voté mardi la rénovation de la piscine du quartier.";

    @Autowired
    Translator translator;
    @Autowired
    TranslationQuality quality;
    @Autowired
    SegmentEstimator estimator;
    @Autowired
    LanguageQualityChecker languageTool;
    @Autowired
    io.relais.batch.LocalizeRuns runs;

    @Test
    void everyLanguageIsEstimatedWithItsChecksOnlyModelAndEnglishCandidatesCostOneLanguageToolRun() {
        for (String lang : List.of("es", "ca", "en", "it", "pt")) {
            assertThat(estimator.model(lang)).as(lang).hasValueSatisfying(m -> assertThat(m.usesRoundTrip()).isFalse());
        }
        quiesce(runs);   // the demo feed's articles, polled at start, translated by then
        long read = languageTool.cacheMisses();

        TranslatedText english = translator.translate(FRENCH, TextFormat.PLAIN, "en");
        QualityReport report = quality.assess("en", List.of(new FieldText("title", FRENCH, TextFormat.PLAIN, english)));

        assertThat(english.parts()).singleElement().satisfies(p -> assertThat(p.route()).isIn("fr>es>en", "fr>ca>en"));
        assertThat(languageTool.cacheMisses() - read).as("LanguageTool runs for the segment").isEqualTo(1);
        assertThat(report.segments()).singleElement().satisfies(s -> {
            assertThat(s.score()).isGreaterThan(0);
            assertThat(String.valueOf(s.reason())).doesNotContain("no quality estimate").doesNotContain("round trip");
        });
    }
}
