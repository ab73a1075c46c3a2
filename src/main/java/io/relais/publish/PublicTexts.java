package io.relais.publish;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The few words Relais writes into public documents — the machine-translation notice in feeds, the article pages'
 * notes — in the document's language (es, ca, en, it, pt, fr; English for a language without texts), from
 * {@code publish/texts_<lang>.properties}. Not the UI's message bundles: a Catalan page speaks Catalan whatever the
 * reader's browser asks for.
 */
public final class PublicTexts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private PublicTexts() {
    }

    /** The text {@code key} in {@code lang}, its {@code {0}}... replaced by {@code args}. */
    public static String get(String lang, String key, Object... args) {
        String pattern = bundle(lang).getString(key);
        return new MessageFormat(pattern, Locale.forLanguageTag(lang)).format(args);
    }

    /** The notice an unreviewed machine translation carries, in its language. */
    public static String machineNotice(String lang) {
        return get(lang, "machine.notice");
    }

    private static ResourceBundle bundle(String lang) {
        try {
            return ResourceBundle.getBundle("publish.texts", Locale.forLanguageTag(lang), NO_FALLBACK);
        } catch (MissingResourceException none) {
            return ResourceBundle.getBundle("publish.texts", Locale.ROOT, NO_FALLBACK);
        }
    }
}
