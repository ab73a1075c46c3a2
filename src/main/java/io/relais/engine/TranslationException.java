package io.relais.engine;

/** An engine could not translate: it is down, timed out, or does not serve the language. */
public class TranslationException extends RuntimeException {

    public TranslationException(String message) {
        super(message);
    }

    public TranslationException(String message, Throwable cause) {
        super(message, cause);
    }
}
