package io.relais.engine;

import java.util.List;

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

    /**
     * The routes this engine can take from {@code source} to {@code target}, the configured one first (e.g.
     * {@code fr>es>en, fr>ca>en}): where there are several, the translator tries each segment along all of them and
     * keeps the best-scored one.
     */
    default List<String> candidateRoutes(String source, String target) {
        String route = route(source, target);
        return route == null ? List.of() : List.of(route);
    }

    /** Translates along one of {@link #candidateRoutes}. */
    default TranslatedText translate(String text, TextFormat format, String source, String target, String route) {
        return translate(text, format, source, target);
    }
}
