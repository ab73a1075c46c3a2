package io.relais.engine.apertium;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.relais.terminology.Glossary;
import io.relais.engine.internal.EngineSettings;

@Configuration(proxyBeanMethods = false)
class ApertiumConfiguration {

    @Bean(destroyMethod = "close")
    ApertiumEngine apertiumEngine(EngineSettings settings, Glossary glossary) {
        ApertiumEngine engine = new ApertiumEngine(settings.apertium().modesDir(), settings.routes(),
                settings.apertium().timeout());
        // relais.translate.candidates.<lang>: routes tried segment by segment, e.g. fr>es>en,fr>ca>en
        engine.useCandidates(settings.candidateRoutes());
        engine.useGlossary(glossary::termsFor);
        return engine;
    }
}
