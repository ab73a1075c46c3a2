package io.relais.translation;

import java.util.List;

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
}
