package io.relais.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/** SHA-256 over the parts of an article that are translated: a change in any of them is a new revision. */
final class ContentHash {

    private ContentHash() {
    }

    static String of(String title, String summary, String body) {
        MessageDigest digest = DigestUtils.getSha256Digest();
        for (String part : new String[] {title, summary, body}) {
            digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return Hex.encodeHexString(digest.digest());
    }
}
