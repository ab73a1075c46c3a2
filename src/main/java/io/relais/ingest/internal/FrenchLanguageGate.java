package io.relais.ingest.internal;

import java.util.List;
import java.util.Optional;

import org.languagetool.DetectedLanguage;
import org.languagetool.language.identifier.LanguageIdentifier;
import org.languagetool.language.identifier.LanguageIdentifierService;
import org.springframework.stereotype.Component;

import io.relais.article.Article;

/** Only French gets in: LanguageTool's language identifier on the title and the start of the text. */
@Component
public class FrenchLanguageGate {

    private static final int SAMPLE = 3000;

    private final LanguageIdentifier identifier =
            LanguageIdentifierService.INSTANCE.getDefaultLanguageIdentifier(SAMPLE, null, null, null);

    /** Empty when the text is French, otherwise the reason it is not let in. */
    public Optional<String> refusal(String text) {
        String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        DetectedLanguage detected = identifier.detectLanguage(sample, List.of(), List.of(Article.SOURCE_LANGUAGE));
        if (detected == null || detected.getDetectedLanguage() == null) {
            return Optional.of("language could not be identified (Relais translates French articles only)");
        }
        String code = detected.getDetectedLanguage().getShortCode();
        if (!Article.SOURCE_LANGUAGE.equals(code)) {
            return Optional.of("not French: identified as " + detected.getDetectedLanguage().getName() + " (" + code
                    + "); Relais translates French articles only");
        }
        return Optional.empty();
    }
}
