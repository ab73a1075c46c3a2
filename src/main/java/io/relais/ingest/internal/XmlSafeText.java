package io.relais.ingest.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what XML 1.0 cannot carry — C0 controls other than tab, newline and carriage return, NUL, lone
 * surrogates, U+FFFE and U+FFFF — so that no article can stop a feed from being written (Rome refuses such a
 * character and fails the whole document). A vertical tab or form feed becomes a space, as a reader would see it.
 */
public final class XmlSafeText {

    private XmlSafeText() {
    }

    public static String clean(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\u000B' || c == '\u000C') {
                out.append(' ');
            } else if (allowed(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A numeric character reference of any length: a reference is judged by its value, not its spelling. */
    private static final Pattern CHARACTER_REFERENCE =
            Pattern.compile("&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));");

    /**
     * A document's text with what XML 1.0 cannot carry removed, raw ({@link #clean}) or as a numeric character
     * reference ({@code &#1;}, {@code &#x1F;}, and references beyond Unicode however long: {@code &#99999999999;},
     * {@code &#xFFFFFFFFF;}): one such character in one item must not make the parser refuse the whole feed. Legal
     * references are left for the parser.
     */
    public static String cleanDocument(String xml) {
        String text = clean(xml);
        if (text == null || text.indexOf("&#") < 0) {
            return text;
        }
        return CHARACTER_REFERENCE.matcher(text).replaceAll(m -> legal(codePoint(m.group(1), m.group(2)))
                ? Matcher.quoteReplacement(m.group()) : "");
    }

    /** The value a reference names, or -1 when it is beyond any code point (leading zeros do not count). */
    private static long codePoint(String hex, String decimal) {
        String digits = (hex != null ? hex : decimal).replaceFirst("^0+(?=.)", "");
        if (digits.length() > (hex != null ? 8 : 10)) {
            return -1;
        }
        return Long.parseLong(digits, hex != null ? 16 : 10);
    }

    private static boolean legal(long code) {
        return code == 0x9 || code == 0xA || code == 0xD || code >= 0x20 && code <= 0xD7FF
                || code >= 0xE000 && code <= 0xFFFD || code >= 0x10000 && code <= 0x10FFFF;
    }

    static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (!allowed(c)) {
                return false;
            }
        }
        return true;
    }

    /** One UTF-16 unit that XML 1.0 allows on its own (a surrogate only ever comes in a pair). */
    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r'
                || c >= 0x20 && c < 0xD800
                || c >= 0xE000 && c <= 0xFFFD;
    }
}
