package io.relais.publish.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.relais.terminology.Glossary;
import io.relais.engine.TextFormat;
import io.relais.engine.Translator;

/**
 * The categories of the French sources in each target language: the glossary's rendering when it has the category
 * as a term (what the newsroom decided), else the engine's translation, remembered (categories are few and repeat).
 * A category the engine cannot translate is left out of the translated ones; the French one is always published
 * under its own scheme.
 */
@Component
class CategoryTranslations {

    private static final Logger log = LoggerFactory.getLogger(CategoryTranslations.class);

    private final Translator translator;
    private final Glossary glossary;
    private final Map<String, String> engine = new ConcurrentHashMap<>();

    CategoryTranslations(Translator translator, Glossary glossary) {
        this.translator = translator;
        this.glossary = glossary;
    }

    /** French category to its rendering in {@code lang}, for each of {@code french} that has one. */
    Map<String, String> translate(String lang, List<String> french) {
        Map<String, String> out = new LinkedHashMap<>();
        if (french.isEmpty()) {
            return out;
        }
        Map<String, String> terms = glossary.termsFor(lang);
        for (String category : french) {
            String rendering = terms.get(category);
            if (rendering == null) {
                rendering = engine.computeIfAbsent(lang + "\n" + category, k -> byEngine(lang, category));
            }
            if (rendering != null && !rendering.isBlank()) {
                out.put(category, rendering);
            }
        }
        return out;
    }

    private String byEngine(String lang, String category) {
        try {
            String text = translator.translate(category, TextFormat.PLAIN, lang).text().strip();
            return text.isEmpty() ? "" : text;
        } catch (RuntimeException e) {
            log.warn("The category '{}' could not be translated into {}: {}", category, lang, e.toString());
            return null;   // not remembered: tried again at the next change
        }
    }
}
