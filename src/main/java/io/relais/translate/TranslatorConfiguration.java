package io.relais.translate;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.relais.translate.http.RemoteEngines;
import io.relais.translation.TargetLanguages;

/**
 * The {@link Translator}: the engine beans (Apertium) and the remote engines of {@code relais.translate.engines},
 * tried per language in the order of {@code relais.translate.chain.<lang>} (comma-separated engine names).
 */
@Configuration(proxyBeanMethods = false)
class TranslatorConfiguration {

    @Bean
    Translator translator(List<MachineTranslator> engineBeans, RemoteEngines remote, TranslationMemory memory,
                          TranslateSettings settings, TargetLanguages languages) {
        List<MachineTranslator> engines = new ArrayList<>(engineBeans);
        engines.addAll(remote.all());
        Translator translator = new Translator(engines, settings.chains(), memory, settings.memory().enabled(),
                languages.languages());
        translator.segmentBySentence(settings.segmentation().equals("sentence"));
        return translator;
    }
}
