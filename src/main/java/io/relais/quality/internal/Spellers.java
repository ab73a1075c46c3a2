package io.relais.quality.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.spelling.SpellingCheckRule;

import io.relais.quality.LanguageQualityChecker;

/**
 * LanguageTool's spell checkers as word lists: whether a word is a word of a language. Used to find French left in
 * a translation and words of the pivot language (“Bretaña” in English). One speller per language code, used under
 * its own lock (Morfologik spellers are not documented as thread-safe).
 */
public class Spellers {

    private final Map<String, Optional<SpellingCheckRule>> rules = new ConcurrentHashMap<>();

    /** Whether {@code code}'s speller (e.g. {@code en-GB}, {@code es}) knows the word; false without a speller. */
    public boolean knows(String code, String word) {
        SpellingCheckRule rule = rule(code);
        if (rule == null) {
            return false;
        }
        synchronized (rule) {
            try {
                return !rule.isMisspelled(word);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public boolean has(String code) {
        return rule(code) != null;
    }

    private SpellingCheckRule rule(String code) {
        return rules.computeIfAbsent(code, Spellers::load).orElse(null);
    }

    /** The speller of a code; a bare {@code ca} or {@code pt} needs its variant to have one. */
    private static Optional<SpellingCheckRule> load(String code) {
        String withVariant = LanguageQualityChecker.ENGINE_VARIANTS.getOrDefault(code, code);
        if (!Languages.isLanguageSupported(withVariant)) {
            return Optional.empty();
        }
        Language language = Languages.getLanguageForShortCode(withVariant);
        return Optional.ofNullable(language.getDefaultSpellingRule());
    }
}
