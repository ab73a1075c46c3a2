package io.relais.quality.internal;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.relais.quality.LanguageQualityChecker;
import io.relais.quality.QualitySettings;
import io.relais.quality.TranslationQuality;
import io.relais.quality.VerdictPolicy;
import io.relais.engine.BackTranslator;
import io.relais.terminology.Glossary;
import io.relais.engine.finishing.SafeCorrections;
import io.relais.engine.SegmentScorer;

/** The quality module's beans: LanguageTool in the configured variants, the checks, the fitted estimate, the gate. */
@Configuration
class QualityConfiguration {

    /**
     * The checks and the round trip through the engine that translates back (Apertium: the same warm pipelines the
     * translations use), part of the estimate when {@code relais.quality.round-trip.enabled}.
     */
    @Bean
    SegmentEstimator segmentEstimator(LanguageQualityChecker languageTool, QualitySettings settings,
                                      ObjectProvider<BackTranslator> backTranslators,
                                      ObjectProvider<MeterRegistry> registry) {
        BackTranslator engine = backTranslators.getIfUnique();
        // built whenever an engine translates back: off, it still tells an editor which French words a segment loses
        RoundTrip roundTrip = engine != null ? new RoundTrip(engine, settings.roundTrip().routeLists()) : null;
        MeterRegistry meters = registry.getIfAvailable();
        if (roundTrip != null && meters != null) {
            roundTrip.timeWith(Timer.builder(RoundTrip.METRIC)
                    .description("time spent translating segments back for the round trip, summed over threads")
                    .register(meters));
        }
        return new SegmentEstimator(SegmentChecks.standard(languageTool), roundTrip, settings.roundTrip().enabled());
    }

    @Bean
    VerdictPolicy verdictPolicy(QualitySettings properties, SegmentEstimator estimator) {
        return new VerdictPolicy(properties.thresholds(), properties.autoApproveThreshold(),
                lang -> estimator.model(lang).map(m -> OptionalDouble.of(m.threshold())).orElse(OptionalDouble.empty()));
    }

    @Bean
    TranslationQuality translationQuality(SegmentEstimator estimator, VerdictPolicy policy,
                                          ObjectProvider<Glossary> glossary) {
        return new TranslationQuality(estimator, policy, terms(glossary));
    }

    /** The finishing's safe corrections read from the quality check's LanguageTool run (one run per segment). */
    @Bean
    SafeCorrections.Source languageToolSingleReplacements(LanguageQualityChecker languageTool) {
        return languageTool.asCorrectionSource();
    }

    @Bean
    SegmentScorer calibratedSegmentScorer(SegmentEstimator estimator, ObjectProvider<Glossary> glossary) {
        return new CalibratedSegmentScorer(estimator, terms(glossary));
    }

    private static Function<String, Map<String, String>> terms(ObjectProvider<Glossary> glossary) {
        return lang -> {
            Glossary g = glossary.getIfAvailable();
            return g == null ? Map.of() : g.termsFor(lang);
        };
    }
}
