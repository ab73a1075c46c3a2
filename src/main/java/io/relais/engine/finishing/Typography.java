package io.relais.engine.finishing;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.relais.article.Article;

/**
 * The typography of the target language on a machine translation of French: Apertium copies French typography
 * ("« canular »", "élections : la", "15h30." giving "3:30 p.m..") into languages that write otherwise.
 */
public final class Typography {

    private static final String SPACES = "[ \\u00A0\\u202F]";
    private static final Pattern SPACE_INSIDE_GUILLEMETS = Pattern.compile("«" + SPACES + "+|" + SPACES + "+»");
    private static final Pattern GUILLEMETS = Pattern.compile("«([^«»]*)»");
    private static final Pattern SPACE_BEFORE = Pattern.compile("(?<=[\\p{L}\\p{N}\\p{Pe}\"'’”»%])" + SPACES + "+([:;!?])");
    private static final Pattern DOUBLED_STOP = Pattern.compile("(?<![.])\\.\\.(?![.])");
    private static final Pattern DOUBLED_COMMA = Pattern.compile(",(" + SPACES + "*),");
    private static final Pattern STOP_AFTER_MARK = Pattern.compile("([!?])\\.(?![.])");

    private Typography() {
    }

    /** The text written the way {@code target} writes it; each change is reported to {@code corrections}. */
    public static String apply(String text, String target, Consumer<Correction> corrections) {
        if (target.equals(Article.SOURCE_LANGUAGE) || text.isEmpty()) {
            return text;
        }
        String out = text;
        out = replace(out, SPACE_INSIDE_GUILLEMETS, m -> m.group().strip().replaceAll(SPACES, ""), "TYPO_GUILLEMET_SPACE",
                "no space inside quotation marks outside French", corrections);
        if (target.equals("en")) {
            out = replace(out, GUILLEMETS, m -> "“" + m.group(1) + "”", "TYPO_QUOTES",
                    "English quotes with “ ” rather than « »", corrections);
        }
        out = replace(out, SPACE_BEFORE, m -> m.group(1), "TYPO_SPACE_BEFORE_PUNCTUATION",
                "no space before : ; ! ? outside French", corrections);
        out = replace(out, DOUBLED_STOP, m -> ".", "TYPO_DOUBLED_PUNCTUATION",
                "one full stop after an abbreviation that ends a sentence", corrections);
        out = replace(out, DOUBLED_COMMA, m -> ",", "TYPO_DOUBLED_PUNCTUATION", "doubled comma", corrections);
        out = replace(out, STOP_AFTER_MARK, m -> m.group(1), "TYPO_DOUBLED_PUNCTUATION",
                "no full stop after ! or ?", corrections);
        return out;
    }

    /** The languages with typography rules: every target but French. */
    public static boolean appliesTo(String target) {
        return !target.equals(Article.SOURCE_LANGUAGE);
    }

    private static String replace(String text, Pattern pattern, Function<Matcher, String> with,
                                  String rule, String message, Consumer<Correction> corrections) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String replacement = with.apply(m);
            int from = Math.max(0, m.start() - 12);
            int to = Math.min(text.length(), m.end() + 12);
            corrections.accept(new Correction(rule, message, text.substring(from, to),
                    text.substring(from, m.start()) + replacement + text.substring(m.end(), to)));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    static List<String> rules() {
        return List.of("TYPO_GUILLEMET_SPACE", "TYPO_QUOTES", "TYPO_SPACE_BEFORE_PUNCTUATION", "TYPO_DOUBLED_PUNCTUATION");
    }
}
