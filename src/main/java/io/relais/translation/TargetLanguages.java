package io.relais.translation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relais.languages}: the languages articles are translated into, in the order feeds and pages list them.
 * Every module that needs the list asks this record.
 */
@ConfigurationProperties("relais")
public record TargetLanguages(@DefaultValue({"es", "ca", "en", "it", "pt"}) List<String> languages) {

    public TargetLanguages {
        languages = List.copyOf(languages);
    }

    public boolean contains(String lang) {
        return languages.contains(lang);
    }

    /** Each target language with its name written in that language ({@code es} → "español"), in the configured order. */
    public Map<String, String> nativeNames() {
        Map<String, String> names = new LinkedHashMap<>();
        languages.forEach(lang -> names.put(lang, nativeName(lang)));
        return names;
    }

    /** A language's name in that language, as pages and feed titles show it ({@code ca} → "català"). */
    public static String nativeName(String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        return locale.getDisplayLanguage(locale);
    }

    /** A language's name in English ({@code pt} → "Portuguese"), for feed descriptions and prompts. */
    public static String englishName(String lang) {
        return Locale.forLanguageTag(lang).getDisplayLanguage(Locale.ENGLISH);
    }
}
