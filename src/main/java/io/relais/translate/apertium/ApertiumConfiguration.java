package io.relais.translate.apertium;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.relais.terminology.Glossary;
import io.relais.translate.TranslateSettings;

@Configuration(proxyBeanMethods = false)
class ApertiumConfiguration {

    @Bean(destroyMethod = "close")
    ApertiumEngine apertiumEngine(TranslateSettings settings, Glossary glossary) {
        ApertiumEngine engine = new ApertiumEngine(settings.apertium().modesDir(), settings.routes(),
                settings.apertium().timeout());
        // relais.translate.candidates.<lang>: routes tried segment by segment, e.g. fr>es>en,fr>ca>en
        engine.useCandidates(settings.candidateRoutes());
        engine.useGlossary(glossary::termsFor);
        return engine;
    }
}
