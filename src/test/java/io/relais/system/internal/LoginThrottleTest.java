package io.relais.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.relais.testing.MigratedDatabase;

/**
 * The sign-in throttle keeps its counts in the database, so that the nodes of a cluster (here: two throttles, as two
 * nodes would have, on one database) see each other's failures. The database is a private H2 in PostgreSQL mode
 * migrated by Flyway with the service's migrations, or the suite's PostgreSQL under {@code ./relais test-postgres}.
 */
class LoginThrottleTest {

    static DataSource database;

    /** Failures are recorded at this instant unless a test moves its clock (long past: a shared database's rows of
     * the suite, recorded now, are never old enough for these tests' clean-up, and theirs never young enough). */
    static final Instant NOW = Instant.parse("2000-01-01T12:00:00Z");

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.create("throttle");
    }

    private static LoginThrottle node(Instant now) {
        return new LoginThrottle(new LoginFailures(database), 5, 20, Duration.ofMinutes(15),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A user name and an address no other test uses (the database may be shared with the suite). */
    private static String unique(String what) {
        return what + "-" + UUID.randomUUID();
    }

    @Test
    void failuresSpreadOverTwoNodesAddUpForTheUser() {
        LoginThrottle first = node(NOW);
        LoginThrottle second = node(NOW);
        String user = unique("editor");
        for (int i = 0; i < 3; i++) {
            first.failed(user, unique("address"));
        }
        for (int i = 0; i < 2; i++) {
            second.failed(user.toUpperCase(), unique("address"));
        }
        LoginThrottle.Refusal onFirst = first.refusal(user, unique("address")).orElseThrow();
        LoginThrottle.Refusal onSecond = second.refusal(user, unique("address")).orElseThrow();
        assertThat(onFirst.reason()).isEqualTo("Too many failed sign-ins for this user: try again in 15 minutes.");
        assertThat(onSecond.retryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(first.refusal(unique("other-user"), unique("address"))).isEmpty();
    }

    @Test
    void failuresFromOneAddressOverTwoNodesAddUpWhateverTheNames() {
        LoginThrottle first = node(NOW);
        LoginThrottle second = node(NOW);
        String address = unique("203.0.113.7");
        for (int i = 0; i < 10; i++) {
            first.failed(unique("name"), address);
            second.failed(unique("name"), address);
        }
        LoginThrottle.Refusal refusal = second.refusal(unique("admin"), address).orElseThrow();
        assertThat(refusal.reason()).isEqualTo("Too many failed sign-ins from this address: try again in 15 minutes.");
        assertThat(first.refusal(unique("admin"), unique("198.51.100.9"))).isEmpty();
    }

    @Test
    void fourFailuresAreNotYetALockAndASuccessOnAnotherNodeClearsTheUsersCount() {
        LoginThrottle first = node(NOW);
        LoginThrottle second = node(NOW);
        String user = unique("editor");
        for (int i = 0; i < 4; i++) {
            first.failed(user, unique("address"));
        }
        assertThat(second.refusal(user, unique("address"))).isEmpty();
        second.succeeded(user);
        first.failed(user, unique("address"));
        assertThat(first.refusal(user, unique("address"))).isEmpty();
    }

    @Test
    void theLockEndsWhenTheOldestOfTheFailuresLeavesTheWindow() {
        String user = unique("editor");
        for (int i = 0; i < 5; i++) {
            node(NOW.plus(Duration.ofMinutes(i))).failed(user, unique("address"));
        }
        // the oldest failure (at NOW) leaves the 15-minute window at NOW + 15 min
        LoginThrottle.Refusal later = node(NOW.plus(Duration.ofMinutes(10))).refusal(user, unique("address")).orElseThrow();
        assertThat(later.retryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(later.reason()).contains("try again in 5 minutes");
        assertThat(node(NOW.plus(Duration.ofMinutes(15))).refusal(user, unique("address"))).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowAreDeletedAsNewOnesArrive() {
        String user = unique("editor");
        node(NOW).failed(user, unique("address"));
        node(NOW.plus(Duration.ofMinutes(16))).failed(unique("someone-else"), unique("address"));
        Integer left = JdbcClient.create(database).sql("select count(*) from login_failure where subject = ?")
                .param(user).query(Integer.class).single();
        assertThat(left).isZero();
    }
    @Test
    void guessesSentAtTheSameInstantToTwoNodesCannotPassTheLimitTogether() throws Exception {
        LoginThrottle first = node(NOW);
        LoginThrottle second = node(NOW);
        String user = unique("editor");
        // each allowed guess fails its password: it becomes a failure
        int allowed = simultaneously(user, 24, 8, first, second, (node, outcome) -> node.failed(outcome.attempt()));

        // an attempt that would pass the limit with those in flight before it waits for them: exactly the limit was
        // checked, and the guesses that follow, one at a time, are refused
        assertThat(allowed).isEqualTo(5);
        assertThat(first.attempt(user, unique("address")).refusal()).isPresent();
        assertThat(second.attempt(user, unique("address")).refusal()).isPresent();
        assertThat(first.refusal(user, unique("address"))).get().extracting(LoginThrottle.Refusal::reason).asString()
                .contains("for this user");
    }

    @Test
    void aRefusedAttemptIsNotCountedAndOneThatSucceedsLeavesNothingForItsAddress() {
        String user = unique("editor");
        String address = unique("192.0.2.1");
        for (int i = 0; i < 5; i++) {
            LoginThrottle node = node(NOW);
            LoginThrottle.Outcome wrong = node.attempt(user, address);
            assertThat(wrong.refusal()).isEmpty();   // five wrong passwords
            node.failed(wrong.attempt());
        }
        for (int i = 0; i < 3; i++) {
            assertThat(node(NOW.plus(Duration.ofMinutes(10))).attempt(user, address).refusal()).isPresent();
        }
        // refused attempts did not extend the lock: it ends 15 minutes after the first failures
        LoginThrottle later = node(NOW.plus(Duration.ofMinutes(15)));
        LoginThrottle.Outcome right = later.attempt(user, address);
        assertThat(right.refusal()).isEmpty();
        later.succeeded(user, right.attempt());
        Integer left = JdbcClient.create(database).sql("select count(*) from login_failure where subject in (?, ?) "
                + "and failed_at >= ?").params(user, address, NOW.plus(Duration.ofMinutes(10)).atOffset(ZoneOffset.UTC))
                .query(Integer.class).single();
        assertThat(left).isZero();
    }

    @Test
    void rightPasswordsArrivingTogetherAreAllLetThroughWhileGuessesInFlightAreStillCounted() throws Exception {
        LoginThrottle first = node(NOW);
        LoginThrottle second = node(NOW);
        String user = unique("admin");
        // each allowed attempt has the right password
        int allowed = simultaneously(user, 50, 16, first, second, (node, outcome) -> node.succeeded(user, outcome.attempt()));
        assertThat(allowed).as("right passwords let through").isEqualTo(50);

        // a success does not wipe out guesses still in flight: they count once they fail
        LoginThrottle.Outcome guess = first.attempt(user, unique("address"));
        LoginThrottle.Outcome right = second.attempt(user, unique("address"));
        second.succeeded(user, right.attempt());
        first.failed(guess.attempt());
        Integer counted = JdbcClient.create(database).sql("select count(*) from login_failure where kind = 'U' "
                + "and subject = ? and pending = false").param(user).query(Integer.class).single();
        assertThat(counted).isEqualTo(1);
    }

    @Test
    void attemptsAKilledProcessLeftInFlightNeitherLockTheUserOutNorKeepTheNextWaiting() {
        String user = unique("admin");
        for (int i = 0; i < 5; i++) {
            node(NOW).attempt(user, unique("address"));   // killed before their passwords were checked
        }
        // another node, a minute later: those will never settle and are not waited for, nor counted as failures
        LoginThrottle.Outcome later = node(NOW.plus(LoginThrottle.STALE).plusSeconds(1)).attempt(user, unique("address"));
        assertThat(later.refusal()).isEmpty();

        // the restarted node forgets its own at once
        String other = unique("admin");
        for (int i = 0; i < 5; i++) {
            node(NOW).attempt(other, unique("address"));
        }
        LoginThrottle restarted = node(NOW.plusSeconds(5));
        restarted.forgetAttemptsOfAStoppedProcess();
        assertThat(restarted.attempt(other, unique("address")).refusal()).isEmpty();
    }

    /**
     * {@code attempts} sign-ins for {@code user} started at the same instant on two nodes (alternately) from
     * {@code threads} threads; each allowed one is settled by {@code settle}: how many were allowed.
     */
    private static int simultaneously(String user, int attempts, int threads, LoginThrottle first, LoginThrottle second,
                                      java.util.function.BiConsumer<LoginThrottle, LoginThrottle.Outcome> settle)
            throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Boolean>> tries = new java.util.ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            LoginThrottle node = i % 2 == 0 ? first : second;
            tries.add(pool.submit(() -> {
                start.await();
                LoginThrottle.Outcome outcome = node.attempt(user, unique("address"));
                if (outcome.refusal().isEmpty()) {
                    settle.accept(node, outcome);
                }
                return outcome.refusal().isEmpty();
            }));
        }
        start.countDown();
        int allowed = 0;
        for (java.util.concurrent.Future<Boolean> t : tries) {
            allowed += t.get(2, java.util.concurrent.TimeUnit.MINUTES) ? 1 : 0;
        }
        pool.shutdown();
        return allowed;
    }
}
