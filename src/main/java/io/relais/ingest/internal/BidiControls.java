package io.relais.ingest.internal;

import java.util.regex.Pattern;

/**
 * The invisible characters that reorder text: the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069
 * and the marks U+200E, U+200F and U+061C. French news has no use for them, and in a title, an author or a link
 * they can make what a reader sees differ from what is there (U+202E shows "gpj.exe" as "exe.jpg"). Removed from
 * plain-text fields; a link holding one (raw or percent-encoded) is refused.
 */
public final class BidiControls {

    private static final Pattern CONTROLS = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]");
    private static final Pattern ENCODED = Pattern.compile(
            "(?i)%E2%80%A[A-E]|%E2%81%A[6-9]|%E2%80%8[EF]|%D8%9C");

    private BidiControls() {
    }

    /** The text without them. */
    public static String strip(String text) {
        return text == null ? null : CONTROLS.matcher(text).replaceAll("");
    }

    /** Whether a URL holds one, as a character or percent-encoded. */
    public static boolean in(String url) {
        return url != null && (CONTROLS.matcher(url).find() || ENCODED.matcher(url).find());
    }
}
