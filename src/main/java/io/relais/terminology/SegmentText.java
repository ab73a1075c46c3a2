package io.relais.terminology;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.codec.digest.DigestUtils;
import org.jsoup.parser.Parser;

/**
 * One segment of a translation as an editor edits it: a title or summary ({@link Format#PLAIN}) or one body block
 * ({@link Format#HTML}, whose inline tags are the segment's protected tags). Every offset the checks and suggestions
 * give is into {@link #text()} exactly as passed, and every result carries the {@link #fingerprint()} of the text
 * it was computed on, so that a result computed on another text is recognised as stale.
 * <p>
 * {@link #plain()} is what the checks read: tags removed, entities decoded, each run of whitespace (and each tag
 * boundary that separates words: {@code <br>}, a block) one space. The scanner is written by hand because the
 * checks need the position in the HTML of every character of the text, which jsoup's parser does not keep.
 */
public record SegmentText(String text, Format format) {

    public enum Format { PLAIN, HTML }

    /** Tags whose boundary separates words (a block, a line break); inline tags (a, em, strong, span...) do not. */
    private static final Set<String> BREAKING = Set.of("br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "figure", "figcaption", "table", "tr", "td", "th", "thead", "tbody", "pre", "hr", "img",
            "dl", "dt", "dd", "section", "article", "aside", "header", "footer", "caption");

    public SegmentText {
        text = text == null ? "" : text;
        format = format == null ? Format.PLAIN : format;
    }

    public static SegmentText plain(String text) {
        return new SegmentText(text, Format.PLAIN);
    }

    public static SegmentText html(String html) {
        return new SegmentText(html, Format.HTML);
    }

    public boolean html() {
        return format == Format.HTML;
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public String fingerprint() {
        return fingerprint(text);
    }

    public static String fingerprint(String text) {
        return DigestUtils.sha256Hex(text == null ? "" : text);
    }

    /** The text the checks read (see the class comment). */
    public String plain() {
        return view().plain;
    }

    /**
     * The span of {@link #text()} that holds the plain text's {@code [plainStart, plainEnd)}: from the first
     * character's start to the last one's end (an entity is one unit). An empty span maps to an empty span.
     */
    public Span toTextSpan(int plainStart, int plainEnd) {
        View v = view();
        if (plainStart < 0 || plainEnd > v.plain.length() || plainStart > plainEnd) {
            throw new IndexOutOfBoundsException("no span [" + plainStart + ", " + plainEnd + ") in a plain text of "
                    + v.plain.length());
        }
        if (plainStart == plainEnd) {
            int at = plainStart < v.plain.length() ? v.from[plainStart] : text.length();
            return new Span(at, at, false);
        }
        int start = v.from[plainStart];
        int end = v.to[plainEnd - 1];
        return new Span(start, end, crossesMarkup(start, end));
    }

    /** Whether {@code text[start, end)} holds (part of) a tag: replacing it would break the markup. */
    public boolean crossesMarkup(int start, int end) {
        if (format == Format.PLAIN) {
            return false;
        }
        for (int i = Math.max(0, start); i < Math.min(end, text.length()); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '>') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code [start, end)} begins and ends between units of the text (not inside a tag or an entity). */
    public boolean isBoundary(int start, int end) {
        if (start < 0 || end > text.length() || start > end) {
            return false;
        }
        if (format == Format.PLAIN) {
            return true;
        }
        View v = view();
        return v.boundary[start] && v.boundary[end];
    }

    /** A piece of plain text as it is written in this segment's format (escaped for HTML). */
    public String encode(String plainText) {
        if (format == Format.PLAIN || plainText == null) {
            return plainText;
        }
        StringBuilder out = new StringBuilder(plainText.length() + 8);
        for (char c : plainText.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\u00a0' -> out.append("&#xa0;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A span of {@link #text()}. */
    public record Span(int start, int end, boolean crossesMarkup) {
    }

    private View view() {
        return View.of(this);
    }

    /** The plain text and, per plain character, where it is in the text ({@code [from, to)}). */
    private static final class View {
        final String plain;
        final int[] from;
        final int[] to;
        /** boundary[i]: offset i of the text is between units. */
        final boolean[] boundary;

        private View(String plain, int[] from, int[] to, boolean[] boundary) {
            this.plain = plain;
            this.from = from;
            this.to = to;
            this.boundary = boundary;
        }

        static View of(SegmentText segment) {
            String text = segment.text();
            int n = text.length();
            StringBuilder plain = new StringBuilder(n);
            int[] from = new int[n + 1];
            int[] to = new int[n + 1];
            boolean[] boundary = new boolean[n + 1];
            Arrays.fill(boundary, segment.format() == Format.PLAIN);
            boolean pendingSpace = false;
            int spaceFrom = 0;
            int spaceTo = 0;
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                int unitEnd = i + 1;
                String decoded = String.valueOf(c);
                boolean space = false;
                if (segment.format() == Format.HTML) {
                    boundary[i] = true;
                    if (c == '<') {
                        int close = tagEnd(text, i);
                        if (breaking(text, i, close)) {
                            if (!pendingSpace) {
                                pendingSpace = true;
                                spaceFrom = i;
                                spaceTo = i;
                            }
                        }
                        i = close;
                        continue;
                    }
                    if (c == '&') {
                        int semi = text.indexOf(';', i);
                        if (semi > i + 1 && semi - i <= 32) {
                            String entity = text.substring(i, semi + 1);
                            String value = Parser.unescapeEntities(entity, false);
                            if (!value.equals(entity) && !value.isEmpty()) {
                                decoded = value;
                                unitEnd = semi + 1;
                            }
                        }
                    }
                    space = decoded.length() == 1 && Character.isWhitespace(decoded.charAt(0))
                            && decoded.charAt(0) != '\u00a0';
                } else {
                    space = Character.isWhitespace(c) && c != '\u00a0';
                }
                if (segment.format() == Format.HTML && space) {
                    if (!pendingSpace) {
                        pendingSpace = true;
                        spaceFrom = i;
                    }
                    spaceTo = unitEnd;
                    i = unitEnd;
                    continue;
                }
                if (pendingSpace) {
                    if (plain.length() > 0) {
                        from[plain.length()] = spaceFrom;
                        to[plain.length()] = Math.max(spaceTo, spaceFrom);
                        plain.append(' ');
                    }
                    pendingSpace = false;
                }
                for (int k = 0; k < decoded.length(); k++) {
                    from[plain.length()] = i;
                    to[plain.length()] = unitEnd;
                    plain.append(decoded.charAt(k));
                }
                i = unitEnd;
            }
            boundary[n] = true;
            return new View(plain.toString(), Arrays.copyOf(from, plain.length()), Arrays.copyOf(to, plain.length()),
                    boundary);
        }

        /** The offset after the tag (or comment) that starts at {@code at}. */
        private static int tagEnd(String text, int at) {
            if (text.startsWith("<!--", at)) {
                int close = text.indexOf("-->", at + 4);
                return close < 0 ? text.length() : close + 3;
            }
            char quote = 0;
            for (int i = at + 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return i + 1;
                }
            }
            return text.length();
        }

        private static boolean breaking(String text, int start, int end) {
            int i = start + 1;
            if (i < end && text.charAt(i) == '/') {
                i++;
            }
            int nameStart = i;
            while (i < end && (Character.isLetterOrDigit(text.charAt(i)))) {
                i++;
            }
            return BREAKING.contains(text.substring(nameStart, i).toLowerCase(Locale.ROOT));
        }
    }
}
