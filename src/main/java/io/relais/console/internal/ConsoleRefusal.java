package io.relais.console.internal;

/**
 * An action the console refuses, said in the operator's words ({@link Said}), with the form field at fault (or null)
 * and the other module's own sentence when it was that module that refused (shown behind a toggle, and logged).
 */
class ConsoleRefusal extends IllegalArgumentException {

    private final transient Said said;
    private final String field;

    ConsoleRefusal(String field, Said said, String detail) {
        super(detail != null ? detail : said.key());
        this.said = said;
        this.field = field;
    }

    ConsoleRefusal(String field, String key, Object... args) {
        this(field, Said.of(key, args), null);
    }

    Said said() {
        return said;
    }

    String field() {
        return field;
    }

    /** The refusing module's sentence, or null when the console refused by itself. */
    String detail() {
        return said.key().equals(getMessage()) ? null : getMessage();
    }
}
