package io.relais.quality.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LanguageTool's messages in the editor's UI language where LanguageTool has them: the messages of its Java rules
 * (spelling, a repeated word or space, a sentence starting in lower case...) come from its own message bundles,
 * which exist in French, Spanish and English, so such a message is looked up in the bundle of the language it was
 * written in and given in the UI language's. Pattern rules (grammar.xml) have their message in their own language
 * only: those stay as LanguageTool gives them.
 */
public final class LanguageToolMessages {

    private static final String BUNDLE = "org.languagetool.MessagesBundle";

    /** A message and the language it is in. */
    public record Message(String text, String lang) {
    }

    private final Map<String, Map<String, String>> keysByMessage = new ConcurrentHashMap<>();

    /**
     * @param message LanguageTool's message
     * @param code    the LanguageTool code the text was checked in ({@code es}, {@code en-GB})
     * @param ui      the editor's UI language
     */
    public Message translate(String message, String code, Locale ui) {
        String lang = code.split("-")[0];
        if (message == null || lang.equals(ui.getLanguage())) {
            return new Message(message, lang);
        }
        String key = keys(code).get(message);
        if (key != null) {
            try {
                ResourceBundle target = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(ui.getLanguage()));
                if (target.getLocale().getLanguage().equals(ui.getLanguage())
                        || "en".equals(ui.getLanguage()) && target.getLocale().getLanguage().isEmpty()) {
                    return new Message(target.getString(key), ui.getLanguage());
                }
            } catch (MissingResourceException e) {
                // no such bundle or key: the message as LanguageTool gave it
            }
        }
        return new Message(message, lang);
    }

    /** Message text to key, of the bundle in the language of the checked text (only messages without placeholders). */
    private Map<String, String> keys(String code) {
        return keysByMessage.computeIfAbsent(code, c -> {
            Map<String, String> keys = new HashMap<>();
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(c));
                for (String key : bundle.keySet()) {
                    String value = bundle.getString(key);
                    if (!value.contains("{") && !value.isBlank()) {
                        keys.putIfAbsent(value, key);
                    }
                }
            } catch (MissingResourceException e) {
                // no bundle: nothing to translate
            }
            return Map.copyOf(keys);
        });
    }
}
