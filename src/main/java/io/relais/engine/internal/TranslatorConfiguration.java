package io.relais.engine.internal;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.relais.engine.MachineTranslator;
import io.relais.engine.RouteChoice;
import io.relais.engine.SegmentScorer;
import io.relais.engine.TranslateStepTimes;
import io.relais.engine.Translator;
import io.relais.engine.finishing.SafeCorrections;
import io.relais.engine.finishing.TargetFinishing;
import io.relais.terminology.TranslationMemory;
import io.relais.engine.http.RemoteEngines;
import io.relais.translation.TargetLanguages;

/**
 * The {@link Translator}: the engine beans (Apertium) and the remote engines of {@code relais.translate.engines},
 * tried per language in the order of {@code relais.translate.chain.<lang>} (comma-separated engine names).
 */
@Configuration(proxyBeanMethods = false)
class TranslatorConfiguration {

    /**
     * Chooses between candidate routes by the count of unknown-word marks (and its measured margin), or, with
     * {@code relais.translate.route-choice.scorer=estimate}, with the quality module's scorer when it provides one
     * (another route must beat the configured one by {@code relais.translate.route-choice.margin} points, default 0).
     */
    @Bean(destroyMethod = "close")
    RouteChoice routeChoice(ObjectProvider<SegmentScorer> scorers, EngineSettings settings, TranslateStepTimes times) {
        double margin = settings.routeChoice().margin();
        boolean byEstimate = settings.routeChoice().byEstimate();
        return new RouteChoice(() -> {
            SegmentScorer scorer = byEstimate ? scorers.getIfUnique() : null;
            return scorer == null ? RouteChoice.byMarks() : new RouteChoice.Scoring(times.timed(scorer), margin);
        }, Runtime.getRuntime().availableProcessors());
    }

    @Bean
    TranslateStepTimes translateStepTimes(ObjectProvider<MeterRegistry> registry) {
        return new TranslateStepTimes(registry.getIfAvailable());
    }

    /**
     * Typography of each target ({@code relais.translate.finishing.typography}, on by default) and LanguageTool's
     * safe corrections ({@code relais.translate.finishing.rules.<lang>}: rule ids, comma-separated).
     */
    @Bean
    TargetFinishing targetFinishing(EngineSettings settings, ObjectProvider<SafeCorrections.Source> shared) {
        return new TargetFinishing(settings.finishing().typography(),
                new SafeCorrections(settings.finishing().ruleIds(), shared::getIfUnique));
    }

    @Bean
    Translator translator(List<MachineTranslator> engineBeans, RemoteEngines remote, TranslationMemory memory,
                          RouteChoice routeChoice, TargetFinishing finishing, EngineSettings settings,
                          TargetLanguages languages, TranslateStepTimes times) {
        List<MachineTranslator> engines = new ArrayList<>(engineBeans);
        engines.addAll(remote.all());
        Translator translator = new Translator(engines, settings.chains(), memory, settings.memory().enabled(),
                languages.languages());
        translator.segmentBySentence(settings.segmentation().equals("sentence"));
        translator.chooseRoutesWith(routeChoice);
        translator.finishWith(finishing);
        translator.timeStepsWith(times);
        return translator;
    }
}
