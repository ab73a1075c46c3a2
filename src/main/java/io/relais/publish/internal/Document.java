package io.relais.publish.internal;

import java.util.Locale;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * A rendered document, ready to serve: its bytes, the same gzipped, strong ETags for both (one per content coding,
 * both from the identity bytes' SHA-256) and the time it last changed. Built once when the document changes, so a
 * request costs no rendering, hashing or compressing.
 */
public record Document(byte[] body, byte[] gzip, String contentType, String etag, String gzipEtag,
                       Instant lastModified, String lastModifiedHeader) {

    /** What keeping it in memory costs, roughly: its bytes, identity and gzipped, and the strings beside them. */
    int weight() {
        return body.length + (gzip == null ? 0 : gzip.length) + 256;
    }

    public static Document of(String text, String contentType, Instant lastModified) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String tag = tag(body);
        Instant second = lastModified.truncatedTo(ChronoUnit.SECONDS);
        byte[] gzip = gzip(body);
        return new Document(body, gzip.length < body.length ? gzip : null, contentType, "\"" + tag + "\"",
                "\"" + tag + "-gz\"", second, IMF_FIXDATE.format(second));
    }

    /** RFC 9110's IMF-fixdate ({@code Fri, 04 Dec 2026 09:05:00 GMT}): two-digit day, always GMT. */
    static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** The strong entity tag (without quotes) the bytes of {@code text} get. */
    static String tagOf(String text) {
        return tag(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The same bytes with a different last-modified time (a re-render that changed nothing keeps the older one). */
    public Document since(Instant earlier) {
        return of(new String(body, StandardCharsets.UTF_8), contentType, earlier);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** True when the bytes are the same as {@code other}'s. */
    public boolean sameAs(Document other) {
        return other != null && etag.equals(other.etag);
    }

    private static String tag(byte[] body) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(DigestUtils.sha256(body)).substring(0, 27);
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
