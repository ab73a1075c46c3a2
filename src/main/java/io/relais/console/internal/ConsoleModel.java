package io.relais.console.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import io.relais.translation.TargetLanguages;

/** What every console page shows: the target languages and their names in their own language. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    private final List<String> languages;

    ConsoleModel(TargetLanguages languages) {
        this.languages = languages.languages();
    }

    @ModelAttribute("languages")
    List<String> languages() {
        return languages;
    }

    @ModelAttribute("names")
    Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String lang : languages) {
            Locale locale = Locale.forLanguageTag(lang);
            names.put(lang, locale.getDisplayLanguage(locale));
        }
        return names;
    }
}
