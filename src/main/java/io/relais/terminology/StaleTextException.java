package io.relais.terminology;

/** A fix or suggestion applied to another text than the one it was computed on (the caller answers 409). */
public class StaleTextException extends IllegalStateException {

    public StaleTextException(String message) {
        super(message);
    }
}
