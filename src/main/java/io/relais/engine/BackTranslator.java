package io.relais.engine;

import java.util.List;

/**
 * Translates a translation back into French, for the quality module's round-trip check: a target sentence whose
 * back-translation keeps the French source's meaning is more likely right than one that comes back as something else.
 * The text goes to the engine as it is (no numbers rewritten, no names kept: those are written the target's way
 * already), and the engine's unknown-word marks are counted, not left in the text.
 */
public interface BackTranslator {

    /** A back-translation: the text, and the words the engine did not know on the way back (its marks). */
    record Back(String text, int unknownWords) {
    }

    /** Whether every hop of a route (e.g. {@code en>ca>fr}) has an installed engine. */
    boolean canTranslateBack(List<String> hops);

    /** Translates plain text along the hops, first hop's language to the last's; throws {@link TranslationException}. */
    Back translateBack(String text, List<String> hops);
}
