package io.relais.engine.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import io.relais.article.Article;
import io.relais.engine.MachineTranslator;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslationException;
import io.relais.engine.Translator;
import io.relais.engine.apertium.ApertiumEngine;
import io.relais.terminology.WordGlosses;

/**
 * Word-by-word glosses from the offline engine (Apertium), for tying an editor's fix to the French words it
 * translates: the words go in one request, one per paragraph, so each is translated alone. A paid remote engine is
 * never asked. Glosses are remembered per language.
 */
@Component
class EngineWordGlosses implements WordGlosses {

    private static final int REMEMBERED = 20_000;

    private final Translator translator;
    private final Map<String, String> remembered = Caffeine.newBuilder().maximumSize(REMEMBERED)
            .<String, String>build().asMap();

    EngineWordGlosses(Translator translator) {
        this.translator = translator;
    }

    @Override
    public Map<String, String> gloss(Collection<String> frenchWords, String lang) {
        Optional<MachineTranslator> engine = translator.enginesFor(lang).stream()
                .filter(e -> ApertiumEngine.NAME.equals(e.name())).findFirst();
        Map<String, String> glosses = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String word : frenchWords) {
            String known = remembered.get(lang + ':' + word);
            if (known != null) {
                glosses.put(word, known);
            } else if (!word.isBlank() && !word.contains("\n")) {
                unknown.add(word);
            }
        }
        if (unknown.isEmpty() || engine.isEmpty()) {
            return glosses;
        }
        try {
            String out = engine.get().translate(String.join("\n\n", unknown), TextFormat.PLAIN, Article.SOURCE_LANGUAGE,
                    lang).text();
            String[] lines = out.strip().split("\\n\\s*\\n");
            if (lines.length == unknown.size()) {
                for (int i = 0; i < lines.length; i++) {
                    String gloss = lines[i].strip();
                    glosses.put(unknown.get(i), gloss);
                    remembered.put(lang + ':' + unknown.get(i), gloss);
                }
            }
        } catch (TranslationException e) {
            // no glosses this time: the fix is tied to the words the French and the machine share
        }
        return glosses;
    }
}
