package io.relais.terminology;

import java.util.Collection;
import java.util.Map;

/**
 * How each French word of a segment is translated on its own (the engines implement it): what ties an editor's fix
 * of the machine's words to the French words they translate.
 */
public interface WordGlosses {

    /** Each French word to its translation into {@code lang} alone; words the engine could not gloss are left out. */
    Map<String, String> gloss(Collection<String> frenchWords, String lang);
}
