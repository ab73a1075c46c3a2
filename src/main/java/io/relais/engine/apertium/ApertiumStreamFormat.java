package io.relais.engine.apertium;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import org.jsoup.parser.Parser;

import io.relais.engine.UnknownMarks;

/**
 * Converts text to Apertium's stream format and back.
 * <p>
 * Written by hand rather than calling {@code apertium-deshtml}/{@code apertium-rehtml}: those programs have no
 * null-flush mode, so they cannot stay warm, and they pass HTML entities through undecoded (which Apertium then
 * garbles). Here markup becomes superblanks ({@code [<b>]}), entities are decoded to UTF-8 first, and tokens
 * Apertium would damage ({@code @handles}, {@code #tags}, literal {@code *} or {@code ~}) are protected in
 * superblanks too, so that on the way back an unescaped {@code *}, {@code #} or {@code @} starting a word can only
 * be an engine mark (unknown word, generation error, transfer error): it is stripped and counted.
 */
final class ApertiumStreamFormat {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern PROTECTED = Pattern.compile("[*#@~][\\p{L}\\p{N}_]*");
    private static final String SPECIAL = "\\[]^$/<>{}";

    private ApertiumStreamFormat() {
    }

    /** Plain text to stream format. */
    static String fromPlain(String text) {
        return fromPlain(text, PROTECTED);
    }

    /** Plain text to stream format, with these terms kept verbatim (see {@link #protecting}). */
    static String fromPlain(String text, Pattern protect) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        appendText(out, text, protect);
        return out.toString();
    }

    /**
     * The pattern of what is kept verbatim: the given terms as whole words (longest first), and the tokens
     * Apertium would damage.
     */
    static Pattern protecting(List<String> terms) {
        if (terms.isEmpty()) {
            return PROTECTED;
        }
        return Pattern.compile(wholeWords(terms).pattern() + "|" + PROTECTED.pattern());
    }

    /** Any of the terms as a whole word (not inside a longer word), longest first. */
    static Pattern wholeWords(Collection<String> terms) {
        String alternatives = terms.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
    }

    /**
     * A well-formed HTML fragment (as jsoup serialises it) to stream format: tags become superblanks and the text
     * between them is entity-decoded and escaped.
     */
    static String fromHtml(String html) {
        return fromHtml(html, PROTECTED);
    }

    static String fromHtml(String html, Pattern protect) {
        StringBuilder out = new StringBuilder(html.length() + 32);
        Matcher tag = TAG.matcher(html);
        int at = 0;
        while (tag.find()) {
            appendText(out, Parser.unescapeEntities(html.substring(at, tag.start()), false), protect);
            appendSuperblank(out, tag.group());
            at = tag.end();
        }
        appendText(out, Parser.unescapeEntities(html.substring(at), false), protect);
        return out.toString();
    }

    private static void appendText(StringBuilder out, String text, Pattern protect) {
        Matcher token = protect.matcher(text);
        int at = 0;
        while (token.find()) {
            appendEscaped(out, text.substring(at, token.start()));
            appendSuperblank(out, "\u0001" + token.group());
            at = token.end();
        }
        appendEscaped(out, text.substring(at));
    }

    private static void appendEscaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                continue;
            }
            if (SPECIAL.indexOf(c) >= 0 || c == '*' || c == '#' || c == '@' || c == '~') {
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static void appendSuperblank(StringBuilder out, String content) {
        out.append('[');
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\\' || c == '[' || c == ']') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append(']');
    }

    /** The result of reading Apertium's output back: text and the engine marks removed, by kind. */
    record Decoded(String text, UnknownMarks byKind) {

        int marks() {
            return byKind.total();
        }
    }

    /**
     * Stream format back to text. {@code html} says whether text between superblanks is re-escaped for HTML
     * (superblanks holding markup are emitted as they are).
     */
    static Decoded toText(String stream, boolean html) {
        StringBuilder out = new StringBuilder(stream.length());
        int unknown = 0;
        int untransferred = 0;
        int ungenerated = 0;
        int n = stream.length();
        for (int i = 0; i < n; i++) {
            char c = stream.charAt(i);
            if (c == '\\' && i + 1 < n) {
                appendOutputChar(out, stream.charAt(++i), html);
            } else if (c == '[') {
                int end = superblankEnd(stream, i);
                String content = unescapeSuperblank(stream.substring(i + 1, end));
                if (content.startsWith("[") && content.endsWith("]")) {
                    // a word-bound blank [[...]]; we never create them, keep what is inside the outer brackets
                    content = content.substring(1, content.length() - 1);
                }
                if (content.startsWith("\u0001")) {
                    for (char p : content.substring(1).toCharArray()) {
                        appendOutputChar(out, p, html);
                    }
                } else {
                    out.append(content);
                }
                i = end;
            } else if ((c == '*' || c == '#' || c == '@') && i + 1 < n && isWordChar(stream.charAt(i + 1))
                    && (i == 0 || !isWordChar(stream.charAt(i - 1)))) {
                // a name stood in for by a placeholder is unknown to Apertium on purpose: not a quality signal
                if (!NamePlaceholders.startsAt(stream, i + 1)) {
                    switch (c) {
                        case '*' -> unknown++;
                        case '@' -> untransferred++;
                        default -> ungenerated++;
                    }
                }
            } else {
                appendOutputChar(out, c, html);
            }
        }
        return new Decoded(out.toString(), new UnknownMarks(unknown, untransferred, ungenerated));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static int superblankEnd(String s, int start) {
        int depth = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return s.length() - 1;
    }

    private static String unescapeSuperblank(String content) {
        StringBuilder out = new StringBuilder(content.length());
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\\' && i + 1 < content.length()) {
                c = content.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static void appendOutputChar(StringBuilder out, char c, boolean html) {
        if (html && (c == '<' || c == '>' || c == '&')) {
            out.append(c == '<' ? "&lt;" : c == '>' ? "&gt;" : "&amp;");
        } else {
            out.append(c);
        }
    }
}
