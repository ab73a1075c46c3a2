package io.relais.translate;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Chooses the engine for each target language and translates French text with it. */
@Service
public class Translator {

    public static final String SOURCE_LANGUAGE = "fr";

    private static final Logger log = LoggerFactory.getLogger(Translator.class);

    private final List<MachineTranslator> engines;

    Translator(List<MachineTranslator> engines, @Value("${relais.languages}") List<String> languages) {
        this.engines = engines;
        for (String lang : languages) {
            if (engineFor(lang) == null) {
                log.warn("No configured translation engine serves {}>{}: its translations will be FAILED",
                        SOURCE_LANGUAGE, lang);
            }
        }
    }

    public TranslatedText translate(String text, TextFormat format, String target) {
        MachineTranslator engine = engineFor(target);
        if (engine == null) {
            throw new TranslationException("no configured engine translates " + SOURCE_LANGUAGE + ">" + target);
        }
        return engine.translate(text, format, SOURCE_LANGUAGE, target);
    }

    /** The engine that translates into {@code target}, or null when none does. */
    public MachineTranslator engineFor(String target) {
        return engines.stream().filter(e -> e.supports(SOURCE_LANGUAGE, target)).findFirst().orElse(null);
    }
}
