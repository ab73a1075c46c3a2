package io.relais.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Word counting shared by the engines, the memory and the verdict (a letter followed by letters, digits, ' or -), and
 * the search for a word standing whole in a text that the quality checks share.
 */
public final class Words {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'’-]*");

    private Words() {
    }

    public static int count(String text) {
        return text == null ? 0 : (int) WORD.matcher(text).results().count();
    }

    /**
     * Where {@code word} next stands whole in {@code text} at or after {@code from}: its neighbours on both sides are
     * no letter and no digit ({@code (?<![\p{L}\p{N}])word(?![\p{L}\p{N}])}); -1 if nowhere. Written by hand because
     * that regex, compiled per word, starts with a look-behind that keeps the JDK from its fast search: the quality
     * checks ran it for every word of every segment, a tenth of the JVM's samples in an idle express article.
     */
    public static int wholeAt(String text, String word, int from) {
        for (int at = text.indexOf(word, Math.max(0, from)); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !letterOrDigit(text.codePointBefore(at)))
                    && (end == text.length() || !letterOrDigit(text.codePointAt(end)))) {
                return at;
            }
            if (at >= text.length()) {
                break;   // an empty word, at the text's end: indexOf would find it there again
            }
        }
        return -1;
    }

    /** Every place {@code word} stands whole in {@code text}, left to right, none overlapping the one before. */
    public static List<Integer> everyWhole(String text, String word) {
        List<Integer> found = new ArrayList<>();
        for (int at = wholeAt(text, word, 0); at >= 0; at = wholeAt(text, word, at + Math.max(1, word.length()))) {
            found.add(at);
        }
        return found;
    }

    /** Whether {@code word} stands whole somewhere in {@code text} ({@link #wholeAt}). */
    public static boolean hasWhole(String text, String word) {
        return wholeAt(text, word, 0) >= 0;
    }

    /** {@code [\p{L}\p{N}]}: a letter, or a number of any kind (digits, Roman numerals, superscripts). */
    private static boolean letterOrDigit(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
