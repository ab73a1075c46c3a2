package io.relais.translate;

/**
 * A machine translation engine. Implementations must be thread-safe, keep their own connections or
 * processes warm, and throw {@link TranslationException} rather than ever returning the source text.
 */
public interface MachineTranslator {

    /** A short, stable name, stored with every translation. */
    String name();

    /** Whether this engine can translate from {@code source} into {@code target} as configured. */
    boolean supports(String source, String target);

    /** The route this engine takes, e.g. {@code fr>es>en}. */
    String route(String source, String target);

    TranslatedText translate(String text, TextFormat format, String source, String target);
}
