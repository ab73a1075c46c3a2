package io.relais.ingest.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.languagetool.DetectedLanguage;
import org.languagetool.language.identifier.LanguageIdentifier;
import org.languagetool.language.identifier.LanguageIdentifierService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import io.relais.article.Article;

/** Only French gets in: LanguageTool's language identifier on the title and the start of the text. */
@Component
public class FrenchLanguageGate {

    private static final int SAMPLE = 3000;
    /** Longer than any word of a language; a URL in the text can be longer, hence only when words are missing too. */
    private static final int LONGEST_WORD = 60;

    /** LanguageTool's one identifier (the quality checks share it): its profiles cost half a second of a core. */
    private final SingletonSupplier<LanguageIdentifier> identifier = SingletonSupplier.of(
            () -> LanguageIdentifierService.INSTANCE.getDefaultLanguageIdentifier(SAMPLE, null, null, null));

    /** Loaded once the service is ready, in the background: not on the start's path, before the first article. */
    @EventListener(ApplicationReadyEvent.class)
    void loadInBackground() {
        CompletableFuture.runAsync(identifier::obtain);
    }

    /** Empty when the text is French, otherwise the reason it is not let in. */
    public Optional<String> refusal(String text) {
        String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        DetectedLanguage detected = identifier.obtain().detectLanguage(sample, List.of(), List.of(Article.SOURCE_LANGUAGE));
        if (detected == null || detected.getDetectedLanguage() == null) {
            return Optional.of(withoutWords(sample)
                    .orElse("language could not be identified (Relais translates French articles only)"));
        }
        String code = detected.getDetectedLanguage().getShortCode();
        if (!Article.SOURCE_LANGUAGE.equals(code)) {
            return Optional.of(withoutWords(sample).orElse("not French: identified as "
                    + detected.getDetectedLanguage().getName() + " (" + code + "); Relais translates French articles only"));
        }
        return Optional.empty();
    }

    /**
     * The reason when the sample has almost no words to identify a language by (a run of thousands of characters
     * without a space): the identifier then names a language anyway, which would be the wrong reason to give.
     */
    private static Optional<String> withoutWords(String sample) {
        int words = 0;
        String longest = "";
        for (String token : sample.split("\\s+")) {
            longest = token.length() > longest.length() ? token : longest;
            words += !token.isEmpty() && token.length() <= LONGEST_WORD ? 1 : 0;
        }
        if (words >= 3 || longest.length() <= LONGEST_WORD) {
            return Optional.empty();
        }
        // the sample is the text's start: a run that reaches its end may go on
        return Optional.of("no words to identify the language by: the text has a run of " + longest.length()
                + " characters" + (sample.length() == SAMPLE && sample.endsWith(longest) ? " or more" : "")
                + " without a space (Relais translates French articles only)");
    }
}
