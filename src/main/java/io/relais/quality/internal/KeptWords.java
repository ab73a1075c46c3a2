package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.relais.engine.Words;

/**
 * Words of a translation written exactly as in its French segment that the target's speller does not know: what the
 * engine kept because it did not know it. Names are kept on purpose (“Rennes”); a lower-case one is a word the
 * engine did not translate, which the estimate's reasons name (“2 unknown words: vélocipède, ...”).
 */
public final class KeptWords {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*");

    private KeptWords() {
    }

    /** Every such word, names included (the estimate's feature counts them all, as the engine's marks do). */
    public static List<String> of(String source, String target, String code, Spellers spellers) {
        List<String> kept = new ArrayList<>();
        if (!spellers.has(code)) {
            return kept;
        }
        Matcher m = WORD.matcher(target);
        while (m.find()) {
            String word = m.group();
            if (word.length() >= 2 && !kept.contains(word) && Words.hasWhole(source, word)
                    && !spellers.knows(code, word)) {
                kept.add(word);
            }
        }
        return kept;
    }

    /** The lower-case ones: not names. */
    public static List<String> notNames(List<String> kept) {
        return kept.stream().filter(w -> !Character.isUpperCase(w.charAt(0))).toList();
    }
}
