package io.relais.translate.apertium;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.relais.translate.Glossary;

@Configuration(proxyBeanMethods = false)
class ApertiumConfiguration {

    @Bean(destroyMethod = "close")
    ApertiumEngine apertiumEngine(@Value("${relais.translate.apertium.modes-dir:/usr/share/apertium/modes}") Path modesDir,
                                  @Value("${relais.translate.apertium.timeout:60s}") Duration timeout,
                                  Environment environment, Glossary glossary) {
        Map<String, String> routes = Binder.get(environment)
                .bindOrCreate("relais.translate.routes", org.springframework.boot.context.properties.bind.Bindable
                        .mapOf(String.class, String.class));
        ApertiumEngine engine = new ApertiumEngine(modesDir, routes, timeout);
        // relais.translate.candidates.<lang>: routes tried segment by segment, e.g. fr>es>en,fr>ca>en
        Map<String, String> candidates = Binder.get(environment).bind("relais.translate.candidates",
                org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class))
                .orElseGet(Map::of);
        Map<String, java.util.List<String>> parsed = new java.util.LinkedHashMap<>();
        candidates.forEach((lang, list) -> parsed.put(lang, java.util.List.of(list.split(","))));
        engine.useCandidates(parsed);
        engine.useGlossary(glossary::termsFor);
        return engine;
    }
}
