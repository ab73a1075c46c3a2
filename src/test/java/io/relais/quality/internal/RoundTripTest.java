package io.relais.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.relais.quality.LanguageQualityChecker;
import io.relais.quality.QualitySettings;
import io.relais.engine.BackTranslator;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedText;
import io.relais.engine.UnknownMarks;
import io.relais.engine.apertium.ApertiumEngine;

/** The round-trip check on what the real Apertium pipelines write, translated back by the real reverse pipelines. */
class RoundTripTest {

    static ApertiumEngine engine;
    static RoundTrip roundTrip;

    static final String FRENCH = "Le gouvernement a annoncé jeudi une nouvelle loi sur la protection des forêts.";
    static final String OTHER = "Les supporters ont fêté la victoire de leur équipe toute la nuit dans les rues.";

    @BeforeAll
    static void start() {
        engine = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), Map.of(), Duration.ofSeconds(60));
        roundTrip = new RoundTrip(engine, new QualitySettings.RoundTrip(true, null).routeLists());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static CheckedSegment segment(String french, String target, String lang) {
        return CheckedSegment.of(french, target, TextFormat.PLAIN, lang, null, UnknownMarks.NONE, Map.of());
    }

    private static String translate(String french, String route) {
        TranslatedText t = engine.translateRoute(french, TextFormat.PLAIN, List.of(route.split(">")));
        return t.text();
    }

    @Test
    void aTranslationOfItsSourceComesBackCloserThanATranslationOfAnotherSentence() {
        for (String route : List.of("fr>es", "fr>ca", "fr>es>en", "fr>ca>it", "fr>ca>pt")) {
            String lang = route.substring(route.lastIndexOf('>') + 1);
            Map<String, Double> right = roundTrip.features(segment(FRENCH, translate(FRENCH, route), lang));
            Map<String, Double> wrong = roundTrip.features(segment(FRENCH, translate(OTHER, route), lang));
            assertThat(right.get("rt_chrf")).as(route).isGreaterThan(wrong.get("rt_chrf") + 30);
            assertThat(right.get("rt_content")).as(route).isGreaterThan(0.5).isGreaterThan(wrong.get("rt_content") + 0.4);
        }
    }

    @Test
    void theBackTranslationGoesAlongTheConfiguredReverseRoutesIntoFrench() {
        String english = translate(FRENCH, "fr>es>en");
        BackTranslator.Back back = roundTrip.back(english, List.of("en", "ca", "fr")).orElseThrow();
        // French again, not the same French: "L'exécutif a annoncé du jeudi une loi nouvelle sur l'abri des bois."
        assertThat(back.text()).contains("annoncé", "jeudi", "loi").doesNotContain("government", "law");
        assertThat(roundTrip.routes("en")).containsExactly("en>es>fr", "en>ca>fr");
    }

    @Test
    void wordsTheReverseEngineDoesNotKnowAreCountedPerTargetWord() {
        Map<String, Double> garbled = roundTrip.features(segment(FRENCH, "The government zwoggled blorfish forests.", "en"));
        Map<String, Double> clean = roundTrip.features(segment(FRENCH, "The government announced a new law.", "en"));
        assertThat(garbled.get("rt_unknown")).isCloseTo(2.0 / 5, within(1e-9));
        assertThat(clean.get("rt_unknown")).isZero();
    }

    @Test
    void aReverseRouteWithoutInstalledModesIsLeftOutAndTheLanguageHasNoRoundTrip() {
        RoundTrip viaGerman = new RoundTrip(engine, Map.of("en", List.of("en>de>fr"), "es", List.of("es>fr")));
        assertThat(viaGerman.covers("en")).isFalse();
        assertThat(viaGerman.features(segment(FRENCH, "The government announced a new law.", "en"))).isEmpty();
        assertThat(viaGerman.covers("es")).isTrue();
    }

    @Test
    void contentWordsAreTheSourcesLongerWordsOtherThanFunctionWordsMatchedOnTheirFirstFiveLetters() {
        // content words: gouvernement, annoncé, jeudi, nouvelle, protection, forêts (loi is too short; "avec" is
        // a function word)
        String source = "Le gouvernement a annoncé jeudi avec une nouvelle loi sur la protection des forêts.";
        assertThat(RoundTrip.contentRecovered(source, "Le gouvernement annonce jeudi la protection des forêts."))
                .isCloseTo(5.0 / 6, within(1e-9));
        assertThat(RoundTrip.contentRecovered(source, "Rien de tout ça.")).isZero();
        assertThat(RoundTrip.contentRecovered("Il y a eu.", "Rien.")).isEqualTo(1.0);
    }

    @Test
    void anEstimateFromAModelFittedWithTheRoundTripNeedsItAndExplainsItsScore() {
        QualityModel model = new QualityModel("en", -6, Map.of("rt_chrf", 0.1, "lt_grammar", -20.0), 50,
                QualityModel.LOGISTIC);
        assertThat(model.usesRoundTrip()).isTrue();
        assertThat(model.score(Map.of("rt_chrf", 60.0))).isCloseTo(50.0, within(1e-9));
        assertThat(model.score(Map.of("rt_chrf", 80.0))).isCloseTo(100 / (1 + Math.exp(-2)), within(1e-9));
        List<String> reasons = SegmentEstimator.reasons(model, Map.of("rt_chrf", 42.0, "rt_content", 0.5,
                "lt_grammar", 0.1));
        assertThat(reasons).containsExactly("round trip: chrF 42, 50 % of content words back", "lt grammar -2.0");
    }

    @Test
    void withoutTheRoundTripEachLanguageIsEstimatedWithItsChecksOnlyModelAndWithItWithItsRoundTripModel() {
        String english = translate(FRENCH, "fr>es>en");
        SegmentEstimator checksOnly = new SegmentEstimator(SegmentChecks.standard(new LanguageQualityChecker()));
        SegmentEstimator withRoundTrip = new SegmentEstimator(SegmentChecks.standard(new LanguageQualityChecker()),
                roundTrip);

        // quality/model-en.properties and quality/model-en-round-trip.properties, both written by ./relais calibrate
        assertThat(checksOnly.model("en").orElseThrow().usesRoundTrip()).isFalse();
        assertThat(withRoundTrip.model("en").orElseThrow().usesRoundTrip()).isTrue();
        SegmentEstimator.Estimate plain = checksOnly.estimate(segment(FRENCH, english, "en"));
        SegmentEstimator.Estimate full = withRoundTrip.estimate(segment(FRENCH, english, "en"));
        assertThat(plain.score()).isBetween(0.0, 100.0);
        assertThat(plain.features()).doesNotContainKeys("rt_chrf", "rt_content", "rt_unknown");
        assertThat(full.score()).isBetween(0.0, 100.0);
        assertThat(full.features()).containsKeys("rt_chrf", "rt_content", "rt_unknown");
        assertThat(full.reasons().get(0)).startsWith("round trip: chrF");
    }

    @Test
    void aBackTranslationThatFailsLeavesTheSegmentEstimatedFromTheChecksAloneAndSaysSo() {
        // the engine translating back is down (its pipelines cannot start): the forward translation is unaffected
        BackTranslator down = new BackTranslator() {
            @Override
            public boolean canTranslateBack(List<String> hops) {
                return engine.canTranslateBack(hops);
            }

            @Override
            public Back translateBack(String text, List<String> hops) {
                throw new io.relais.engine.TranslationException("apertium-eng-spa: pipeline failed to start");
            }
        };
        SegmentEstimator estimator = new SegmentEstimator(SegmentChecks.standard(new LanguageQualityChecker()),
                new RoundTrip(down, new QualitySettings.RoundTrip(true, null).routeLists()));
        String english = translate(FRENCH, "fr>es>en");

        SegmentEstimator.Estimate estimate = estimator.estimate(segment(FRENCH, english, "en"));

        assertThat(estimator.model("en").orElseThrow().usesRoundTrip()).isTrue();
        assertThat(estimate.score()).isEqualTo(QualityModel.load("en").orElseThrow().score(estimate.features()));
        assertThat(estimate.reasons().get(0)).isEqualTo(
                "no back-translation for the round trip: estimated from the checks alone");
    }
}
