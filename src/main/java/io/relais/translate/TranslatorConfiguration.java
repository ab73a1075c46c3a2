package io.relais.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.relais.translate.http.RemoteEngines;

/**
 * The {@link Translator}: the engine beans (Apertium) and the remote engines of {@code relais.translate.engines},
 * tried per language in the order of {@code relais.translate.chain.<lang>} (comma-separated engine names).
 */
@Configuration(proxyBeanMethods = false)
class TranslatorConfiguration {

    /**
     * Chooses between candidate routes with the quality module's scorer when it provides one, with the count of
     * unknown-word marks per word otherwise.
     */
    @Bean(destroyMethod = "close")
    RouteChoice routeChoice(ObjectProvider<SegmentScorer> scorers) {
        return new RouteChoice(() -> scorers.getIfUnique(() -> MarksPerWordScorer.INSTANCE),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Typography of each target ({@code relais.translate.finishing.typography}, on by default) and LanguageTool's
     * safe corrections ({@code relais.translate.finishing.rules.<lang>}: rule ids, comma-separated).
     */
    @Bean
    TargetFinishing targetFinishing(@Value("${relais.translate.finishing.typography:true}") boolean typography,
                                    Environment environment) {
        Map<String, List<String>> rules = new LinkedHashMap<>();
        Binder.get(environment).bind("relais.translate.finishing.rules", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of())
                .forEach((lang, ids) -> rules.put(lang, List.of(ids.split(","))));
        return new TargetFinishing(typography, new SafeCorrections(rules));
    }

    @Bean
    Translator translator(List<MachineTranslator> engineBeans, RemoteEngines remote, TranslationMemory memory,
                          RouteChoice routeChoice, TargetFinishing finishing,
                          @Value("${relais.translate.memory.enabled:true}") boolean useMemory,
                          @Value("${relais.languages}") List<String> languages,
                          @Value("${relais.translate.segmentation:paragraph}") String segmentation, Environment environment) {
        List<MachineTranslator> engines = new ArrayList<>(engineBeans);
        engines.addAll(remote.all());
        Map<String, List<String>> chains = new LinkedHashMap<>();
        Binder.get(environment).bind("relais.translate.chain", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of())
                .forEach((lang, names) -> chains.put(lang, List.of(names.split(","))));
        if (!segmentation.equals("paragraph") && !segmentation.equals("sentence")) {
            throw new IllegalArgumentException("relais.translate.segmentation is paragraph or sentence, not " + segmentation);
        }
        Translator translator = new Translator(engines, chains, memory, useMemory, languages);
        translator.segmentBySentence(segmentation.equals("sentence"));
        translator.chooseRoutesWith(routeChoice);
        translator.finishWith(finishing);
        return translator;
    }
}
