package io.relais.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");

    @Test
    void secondsAreReadAsADelay() {
        assertThat(RetryAfter.parse(" 120 ", NOW)).contains(Duration.ofSeconds(120));
    }

    @Test
    void anHttpDateIsReadAsTheTimeLeftUntilThen() {
        assertThat(RetryAfter.parse("Sun, 29 Nov 2026 18:01:30 GMT", NOW)).contains(Duration.ofSeconds(90));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Sun, 29 Nov 2026 17:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anUnreadableOrMissingValueLeavesTheCallerItsOwnBackoff() {
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
    }
}
