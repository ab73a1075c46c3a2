package io.relais.ingest.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes received (a dropped file, a fetched feed) to text, faithfully or not at all. The encoding is, in this order:
 * a byte order mark (UTF-8, UTF-16, UTF-32); the XML autodetection of an unmarked UTF-16/32 {@code <?xml}; the
 * document's own declaration ({@code <?xml encoding=...?>}, {@code <meta charset>}); the transport's
 * ({@code Content-Type: ...; charset=}); else UTF-8 when valid, or Windows-1252 (what French legacy files use) when
 * the bytes hold no UTF-8 at all. Decoding is strict: text that does not decode in its encoding (invalid UTF-8,
 * UTF-8 mixed with other bytes), an encoding Java cannot decode (e.g. {@code macintosh}) and binary content are
 * refused with the reason, rather than stored as mojibake. Binary is told by the signature of a binary format
 * (PNG, ZIP, PDF, JPEG, GIF, gzip...) or by control bytes making more than one in twenty of the first 8 KiB; a text
 * with a few stray control characters (a NUL, a form feed) is text, and the decoded text comes without the
 * characters XML cannot carry ({@link XmlSafeText}), so that no parser refuses the whole file for one of them.
 */
public final class PayloadDecoder {

    private static final Pattern XML_DECLARATION =
            Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private PayloadDecoder() {
    }

    public static String decode(byte[] bytes) {
        return decode(bytes, null);
    }

    /**
     * @param transportCharset the charset the transport declared (HTTP {@code Content-Type}), or null
     * @throws IllegalArgumentException with the reason when the bytes cannot be decoded faithfully
     */
    public static String decode(byte[] bytes, String transportCharset) {
        return XmlSafeText.clean(decodeFaithfully(bytes, transportCharset));
    }

    private static String decodeFaithfully(byte[] bytes, String transportCharset) {
        if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            return strict(bytes, 4, Charset.forName("UTF-32BE"));
        }
        if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            return strict(bytes, 4, Charset.forName("UTF-32LE"));
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE);
        }
        // no byte order mark: UTF-16/32 text shows itself by the zero bytes of its first two characters (as XML 1.0
        // appendix F finds an unmarked "<?", and RFC 8259 finds JSON's first character), whatever the document is
        String format = binaryFormat(bytes);
        if (format != null) {
            throw new IllegalArgumentException("binary content, not text (a " + format + " file)");
        }
        Charset unmarked = unmarkedUnicode(bytes);
        if (unmarked != null) {
            return textOnly(strict(bytes, 0, unmarked), unmarked);
        }
        if (looksBinary(bytes)) {
            throw new IllegalArgumentException("binary content, not text (control bytes throughout)");
        }
        String declared = declaredEncoding(bytes);
        if (declared == null) {
            declared = transportCharset == null || transportCharset.isBlank() ? null : transportCharset.strip();
        }
        if (declared == null) {
            return utf8OrLegacy(bytes);
        }
        Charset charset = charset(declared);
        if (charset.equals(StandardCharsets.UTF_8)) {
            return utf8OrLegacy(bytes);
        }
        if (charset.equals(StandardCharsets.UTF_16) || charset.name().startsWith("UTF-32")) {
            throw new IllegalArgumentException("declared " + declared + " but the bytes are not (no byte order mark, "
                    + "no UTF-16/32 '<?xml')");
        }
        return strict(bytes, 0, charset);
    }

    /**
     * UTF-32 or UTF-16 without a byte order mark, recognised by where the zero bytes fall in the first four bytes
     * when the text starts with characters below U+0100 (markup, JSON, or a French word): {@code 00 00 00 xx}
     * UTF-32BE, {@code xx 00 00 00} UTF-32LE, {@code 00 xx 00 yy} UTF-16BE, {@code xx 00 yy 00} UTF-16LE. Null
     * otherwise.
     */
    static Charset unmarkedUnicode(byte[] bytes) {
        if (bytes.length < 4) {
            return null;
        }
        int b0 = bytes[0] & 0xff;
        int b1 = bytes[1] & 0xff;
        int b2 = bytes[2] & 0xff;
        int b3 = bytes[3] & 0xff;
        if (b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            return Charset.forName("UTF-32BE");
        }
        if (b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (b0 == 0 && b1 != 0 && b2 == 0 && b3 != 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (b0 != 0 && b1 == 0 && b2 != 0 && b3 == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** Binary data that happened to decode (zero bytes in the right places) is still binary: many controls. */
    private static String textOnly(String text, Charset charset) {
        int sample = Math.min(text.length(), 8192);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        if (sample > 0 && control * 20 > sample) {
            throw new IllegalArgumentException("binary content, not text (NUL or control characters once read as "
                    + charset.name() + ")");
        }
        return text;
    }

    /** The charset parameter of a {@code Content-Type}, or null. */
    public static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)").matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    private static String declaredEncoding(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_DECLARATION.matcher(head);
        if (xml.find()) {
            return xml.group(1).strip();
        }
        Matcher meta = META_CHARSET.matcher(head);
        return meta.find() ? meta.group(1) : null;
    }

    private static Charset charset(String name) {
        try {
            if (Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        } catch (IllegalCharsetNameException ignored) {
            // fall through: refused below
        }
        throw new IllegalArgumentException("unsupported encoding '" + name + "': it cannot be decoded faithfully "
                + "(send UTF-8)");
    }

    /**
     * UTF-8 when the bytes are UTF-8; Windows-1252 when they hold no UTF-8 sequence at all (a legacy file); refused
     * when they mix both, since either reading would corrupt part of the text.
     */
    private static String utf8OrLegacy(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            int invalid = firstInvalidUtf8(bytes);
            if (containsUtf8Sequence(bytes)) {
                throw new IllegalArgumentException("invalid UTF-8 (byte 0x"
                        + Integer.toHexString(bytes[invalid] & 0xff).toUpperCase(Locale.ROOT) + " at offset " + invalid
                        + ") in text that is otherwise UTF-8: refused rather than stored garbled");
            }
            return strict(bytes, 0, WINDOWS_1252);
        }
    }

    private static String strict(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid " + charset.name() + ": " + e.getMessage()
                    + " (refused rather than stored garbled)");
        }
    }

    /** Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence. */
    static boolean containsUtf8Sequence(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (length > 0 && i + length <= bytes.length) {
                boolean continuation = true;
                for (int k = 1; k < length; k++) {
                    continuation &= (bytes[i + k] & 0xC0) == 0x80;
                }
                if (continuation) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (length == 0 || i + length > bytes.length) {
                return i;
            }
            for (int k = 1; k < length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += length;
        }
        return 0;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Control bytes (NUL included) making more than one in twenty of the first 8 KiB. */
    static boolean looksBinary(byte[] bytes) {
        int sample = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return sample > 0 && control * 20 > sample;
    }

    /** Signatures of binary formats someone may drop or serve by mistake, by their first bytes. */
    private static final Map<String, int[]> SIGNATURES = Map.ofEntries(
            Map.entry("PNG", new int[] {0x89, 'P', 'N', 'G'}),
            Map.entry("ZIP (or Office document)", new int[] {'P', 'K', 0x03, 0x04}),
            Map.entry("empty ZIP", new int[] {'P', 'K', 0x05, 0x06}),
            Map.entry("PDF", new int[] {'%', 'P', 'D', 'F', '-'}),
            Map.entry("JPEG", new int[] {0xFF, 0xD8, 0xFF}),
            Map.entry("GIF", new int[] {'G', 'I', 'F', '8'}),
            Map.entry("gzip", new int[] {0x1F, 0x8B}),
            Map.entry("bzip2", new int[] {'B', 'Z', 'h'}),
            Map.entry("7-Zip", new int[] {'7', 'z', 0xBC, 0xAF}),
            Map.entry("RAR", new int[] {'R', 'a', 'r', '!'}),
            Map.entry("ELF executable", new int[] {0x7F, 'E', 'L', 'F'}),
            Map.entry("old Office document", new int[] {0xD0, 0xCF, 0x11, 0xE0}),
            Map.entry("Java class", new int[] {0xCA, 0xFE, 0xBA, 0xBE}),
            Map.entry("Ogg", new int[] {'O', 'g', 'g', 'S'}),
            Map.entry("WebAssembly", new int[] {0x00, 'a', 's', 'm'}));

    /** The binary format these bytes start like, or null. */
    static String binaryFormat(byte[] bytes) {
        for (Map.Entry<String, int[]> signature : SIGNATURES.entrySet()) {
            if (startsWith(bytes, signature.getValue())) {
                return signature.getKey();
            }
        }
        return null;
    }
}
