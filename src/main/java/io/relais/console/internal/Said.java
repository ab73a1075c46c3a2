package io.relais.console.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A sentence of the console, as a message key and its arguments: said to the operator in the UI language and written
 * to the audit log in English, the base bundle (the log is read by every administrator, whatever language each of them uses).
 */
record Said(String key, Object... args) {

    static Said of(String key, Object... args) {
        return new Said(key, args);
    }

    String in(MessageSource messages, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }
}
