package io.relais.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.relais.testing.MutableClock;

/** A verified password is answered without BCrypt for a while; nothing else ever is. */
class RememberingPasswordEncoderTest {

    final AtomicInteger bcryptChecks = new AtomicInteger();
    final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final PasswordEncoder counted = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T12:00:00Z"));
    final RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(counted, clock);

    @Test
    void aClientSendingItsPasswordWithEveryRequestPaysBcryptOncePerPeriod() {
        String stored = encoder.encode("pusher-secret-1");

        assertThat(encoder.matches("pusher-secret-1", stored)).isTrue();
        assertThat(encoder.matches("pusher-secret-1", stored)).isTrue();
        clock.advance(RememberingPasswordEncoder.REMEMBERED.minusSeconds(1));
        assertThat(encoder.matches("pusher-secret-1", stored)).isTrue();

        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordAlwaysPaysTheFullCheckAndIsNeverAccepted() {
        String stored = encoder.encode("pusher-secret-1");
        encoder.matches("pusher-secret-1", stored);

        assertThat(encoder.matches("pusher-secret-2", stored)).isFalse();
        assertThat(encoder.matches("pusher-secret-2", stored)).isFalse();
        assertThat(encoder.matches("", stored)).isFalse();

        assertThat(bcryptChecks).hasValue(4);
    }

    @Test
    void aChangedPasswordOrAnExpiredEntryIsCheckedAgain() {
        String stored = encoder.encode("pusher-secret-1");
        encoder.matches("pusher-secret-1", stored);
        String changed = encoder.encode("pusher-secret-3");

        assertThat(encoder.matches("pusher-secret-1", changed)).isFalse();
        assertThat(encoder.matches("pusher-secret-3", changed)).isTrue();
        clock.advance(RememberingPasswordEncoder.REMEMBERED);
        assertThat(encoder.matches("pusher-secret-1", stored)).isTrue();

        assertThat(bcryptChecks).hasValue(4);
    }
}
