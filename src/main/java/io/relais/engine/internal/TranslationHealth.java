package io.relais.engine.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.relais.article.Article;
import io.relais.engine.MachineTranslator;
import io.relais.engine.Translator;
import io.relais.translation.TargetLanguages;

/**
 * {@code /actuator/health} component {@code translation}: which engine and route serves each target language; DOWN
 * when a configured language has none (its translations would all be FAILED).
 */
@Component("translation")
class TranslationHealth implements HealthIndicator {

    private final Translator translator;
    private final List<String> languages;

    TranslationHealth(Translator translator, TargetLanguages languages) {
        this.translator = translator;
        this.languages = languages.languages();
    }

    @Override
    public Health health() {
        Map<String, String> routes = new LinkedHashMap<>();
        boolean allServed = true;
        for (String lang : languages) {
            List<MachineTranslator> chain = translator.chain(lang);
            if (chain.isEmpty()) {
                allServed = false;
                routes.put(lang, "no engine");
            } else {
                routes.put(lang, String.join(", ", chain.stream()
                        .map(e -> e.name() + " " + e.route(Article.SOURCE_LANGUAGE, lang)).toList()));
            }
        }
        return (allServed ? Health.up() : Health.down()).withDetails(routes).build();
    }
}
