package io.relais.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * A word-level diff of two plain texts (longest common subsequence of words and punctuation), rendered as HTML with
 * {@code <del>} and {@code <ins>}; the texts are escaped. Used for machine text against the editor's, and for an
 * article's previous French revision against the new one.
 */
final class WordDiff {

    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}’'-]+|[^\\s\\p{L}\\p{N}]");
    private static final int MAX_TOKENS = 4000;

    private WordDiff() {
    }

    /** Whether the two texts differ at all. */
    static boolean differ(String before, String after) {
        return !tokens(before).equals(tokens(after));
    }

    static String html(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
            // too long for a quadratic table: show both whole
            return "<del>" + esc(before) + "</del> <ins>" + esc(after) + "</ins>";
        }
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.append(esc(a.get(i)));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                append(out, "del", a.get(i++));
            } else {
                append(out, "ins", b.get(j++));
            }
        }
        return out.toString().replace("</del><del>", "").replace("</ins><ins>", "");
    }

    private static void append(StringBuilder out, String tag, String token) {
        out.append('<').append(tag).append('>').append(esc(token)).append("</").append(tag).append('>');
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text.strip());
        while (m.find()) {
            tokens.add(m.group().isBlank() ? " " : m.group());
        }
        return tokens;
    }
}
