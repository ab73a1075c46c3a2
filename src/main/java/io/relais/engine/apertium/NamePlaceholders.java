package io.relais.engine.apertium;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Entities;

/**
 * Names stood in for by placeholder words for the time of a translation, so that they keep their place in the
 * grammar of the sentence.
 * <p>
 * Why not formatting: a name sent to Apertium as a superblank is not a word, so the sentence loses its subject and
 * Spanish's pro-drop rule adds one ("Twitter It has indicated"). A word no dictionary has ({@code Zwqxa}) is kept
 * verbatim by every hop, like an unknown proper noun, and leaves the grammar as it was: "Zwqxa a indiqué" gives
 * "Zwqxa has indicated"; the name is put back after the last hop.
 * <p>
 * What is stood in for: the glossary's protected terms, and the names in runs of two or more capitalised words
 * ("Société Générale", "Russia Today"), as Apertium's French analyser tells them apart from capitalised common words
 * ("Meilleur Acteur") and place names ({@link NameAnalyser}).
 */
final class NamePlaceholders {

    /** The start of every placeholder: letters no Apertium dictionary has in any of its languages. */
    static final String PREFIX = "Zwqx";

    private static final String WORD = "\\p{Lu}[\\p{L}'’\\-]*[\\p{L}]";
    private static final Pattern RUN = Pattern.compile("(?<![\\p{L}\\p{N}'’\\-])" + WORD + "(?:[ \\u00A0]" + WORD + ")+"
            + "(?![\\p{L}\\p{N}])");
    private static final Pattern PLACEHOLDER = Pattern.compile(PREFIX + "[a-z]+");
    /** Spanish and English capitalise the word after an unknown first word, as if it began the sentence. */
    private static final Pattern CAPITALISED_AFTER = Pattern.compile("(" + PREFIX + "[a-z]+) (\\p{Lu})(\\p{Ll}+)");

    /** Which part of a run of capitalised words is a name (see {@link NameAnalyser}). */
    interface RunReader {

        /** The name at the end of {@code run} (the whole run, or its last words), or null if it holds none. */
        String nameIn(String run);
    }

    private final Map<String, String> terms;
    private final Pattern termPattern;
    private final RunReader runs;
    private final Map<String, String> renderingToPlaceholder = new LinkedHashMap<>();
    private final Map<String, String> placeholderToRendering = new LinkedHashMap<>();

    /**
     * @param terms French term to how the target writes it (the glossary)
     * @param runs  which part of a run of capitalised words is a name kept verbatim (null: none)
     */
    NamePlaceholders(Map<String, String> terms, RunReader runs) {
        this.terms = terms;
        this.termPattern = terms.isEmpty() ? null : ApertiumStreamFormat.wholeWords(terms.keySet());
        this.runs = runs;
    }

    static boolean startsAt(CharSequence text, int at) {
        return text.length() >= at + PREFIX.length() + 1
                && text.subSequence(at, at + PREFIX.length()).toString().equals(PREFIX);
    }

    boolean isEmpty() {
        return placeholderToRendering.isEmpty();
    }

    /** The French text with protected terms and capitalised runs replaced by placeholders. */
    String substitute(String text) {
        if (runs == null) {
            return replaceTerms(text);
        }
        Matcher run = RUN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        while (run.find()) {
            out.append(replaceTerms(text.substring(at, run.start())));
            String found = run.group();
            String name = termPattern != null && termPattern.matcher(found).matches() ? null : runs.nameIn(found);
            if (name == null) {
                out.append(replaceTerms(found));
            } else {
                out.append(replaceTerms(found.substring(0, found.length() - name.length())));
                out.append(placeholder(renderTerms(name)));
            }
            at = run.end();
        }
        out.append(replaceTerms(text.substring(at)));
        return out.toString();
    }

    /** Names put back into the translated text; {@code html} says whether they are escaped as HTML text. */
    String restore(String translated, boolean html) {
        if (isEmpty()) {
            return translated;
        }
        String lowered = CAPITALISED_AFTER.matcher(translated)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + m.group(2).toLowerCase() + m.group(3)));
        return PLACEHOLDER.matcher(lowered).replaceAll(m -> {
            String rendering = placeholderToRendering.get(m.group());
            if (rendering == null) {
                return Matcher.quoteReplacement(m.group());
            }
            return Matcher.quoteReplacement(html ? Entities.escape(rendering) : rendering);
        });
    }

    /** Whether every placeholder came through the engine intact (if not, the caller translates another way). */
    boolean allPresentIn(String translated) {
        for (String placeholder : placeholderToRendering.keySet()) {
            if (!Pattern.compile("(?<![\\p{L}])" + placeholder + "(?![\\p{L}])").matcher(translated).find()) {
                return false;
            }
        }
        return true;
    }

    private String replaceTerms(String text) {
        if (termPattern == null || text.isEmpty()) {
            return text;
        }
        return termPattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(placeholder(terms.get(m.group()))));
    }

    private String renderTerms(String run) {
        return termPattern == null ? run
                : termPattern.matcher(run).replaceAll(m -> Matcher.quoteReplacement(terms.get(m.group())));
    }

    private String placeholder(String rendering) {
        return renderingToPlaceholder.computeIfAbsent(rendering, r -> {
            String placeholder = PREFIX + letters(renderingToPlaceholder.size());
            placeholderToRendering.put(placeholder, r);
            return placeholder;
        });
    }

    private static String letters(int index) {
        StringBuilder s = new StringBuilder();
        int n = index;
        do {
            s.insert(0, (char) ('a' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return s.toString();
    }

}
