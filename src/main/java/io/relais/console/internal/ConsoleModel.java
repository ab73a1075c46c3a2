package io.relais.console.internal;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import io.relais.translation.TargetLanguages;

/** What every console page shows: the target languages and their names in their own language. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    private final List<String> languages;
    private final TargetLanguages targetLanguages;

    ConsoleModel(TargetLanguages languages) {
        this.languages = languages.languages();
        this.targetLanguages = languages;
    }

    @ModelAttribute("languages")
    List<String> languages() {
        return languages;
    }

    @ModelAttribute("names")
    Map<String, String> names() {
        return targetLanguages.nativeNames();
    }
}
