package io.relais.terminology.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of a plain text with their places: letters or digits, with inner apostrophes and hyphens. */
public final class WordTokens {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}'’-]*[\\p{L}\\p{N}\\p{M}]|[\\p{L}\\p{N}]");

    /** One word and its span in the text. */
    public record Token(String text, int start, int end) {

        public String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    private WordTokens() {
    }

    public static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(new Token(m.group(), m.start(), m.end()));
        }
        return tokens;
    }

    public static List<String> lower(String text) {
        return of(text).stream().map(Token::lower).toList();
    }

    /** Word-level edit distance (insertions, deletions, substitutions of whole words). */
    public static int distance(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int substitution = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    /** 100 × (1 − distance / longer length): 100 for the same words, 0 for nothing in common. */
    public static int similarity(List<String> a, List<String> b) {
        int longer = Math.max(a.size(), b.size());
        if (longer == 0) {
            return 100;
        }
        return (int) Math.floor(100.0 * (longer - distance(a, b)) / longer);
    }
}
