package io.relais.system.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt that remembers, for a while, the passwords it verified: a client that sends its password with every request
 * (HTTP Basic, as the push API's clients do) pays BCrypt's cost — 60 to 80 ms of CPU, before a pushed article's
 * translation can start — once per {@link #REMEMBERED}, not on every request. Only a match is remembered, as an
 * HMAC-SHA256 of the password under a key drawn at start and kept in memory only, so a wrong password always pays
 * the full BCrypt check (guessing stays as slow as BCrypt makes it), and keyed by the stored hash, so a changed
 * password is never answered from what was remembered of the old one. Written by hand: Spring Security remembers
 * users ({@code UserCache}), not password checks.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    /** How long a verified password is remembered. */
    static final Duration REMEMBERED = Duration.ofMinutes(10);

    /** At most this many stored hashes are remembered (the least likely to be used again is forgotten first). */
    static final int ENTRIES = 1_000;

    private record Verified(byte[] mac, Instant until) {
    }

    private final PasswordEncoder delegate;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Verified> verified = Caffeine.newBuilder().maximumSize(ENTRIES)
            .<String, Verified>build().asMap();

    RememberingPasswordEncoder(PasswordEncoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        byte[] mac = mac(rawPassword);
        Instant now = clock.instant();
        Verified known = verified.get(encodedPassword);
        if (known != null && now.isBefore(known.until()) && MessageDigest.isEqual(known.mac(), mac)) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(encodedPassword, new Verified(mac, now.plus(REMEMBERED)));
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private byte[] mac(CharSequence rawPassword) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return hmac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
