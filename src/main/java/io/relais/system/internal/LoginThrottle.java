package io.relais.system.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import io.relais.system.internal.LoginFailures.Kind;

/**
 * Slows password guessing: after {@code relais.security.login.max-failures-per-user} failed sign-ins (default 5)
 * for one user name, or {@code max-failures-per-address} (default 20) from one client address, within
 * {@code relais.security.login.window} (default 15 minutes), further sign-ins for that name or from that address —
 * even with the right password — are refused until the oldest of those failures leaves the window. Form login and
 * HTTP Basic both count; a success clears the user's count. The failures are kept in the database
 * ({@link LoginFailures}): in a cluster every node sees every node's failures, and a restart forgets nothing.
 * An attempt is counted <em>before</em> its password is checked ({@link #attempt}), as an attempt in flight, so that
 * guesses sent at the same instant, to one node or to several, see each other: a check made before and a failure
 * recorded after the password would let every simultaneous guess through. It then becomes a failure
 * ({@link #failed(Attempt)}) or is forgotten (it succeeded, or was refused). An attempt that would pass the limit
 * only with the attempts still in flight waits for them to settle rather than being refused: if they fail, the
 * limit is reached and it is refused; if they succeed, it goes on. So the right password is never refused because
 * other attempts arrived at the same moment, and simultaneous guesses never get more than the limit checked: the
 * decisions about one user name or address are taken one at a time, on one node or several.
 */
@Component
class LoginThrottle {

    /**
     * Why a sign-in is refused (in English, for scripts), and how long until one may be tried again; {@code perUser}
     * and {@code minutes} let a page say the same in the UI language (0 minutes: too many attempts in flight at once).
     */
    record Refusal(String reason, Duration retryAfter, boolean perUser, long minutes) {
    }

    /**
     * An attempt in flight for longer than this belongs to a process that died (in a cluster, another node): it will
     * never settle, and is no longer waited for. A node's own are forgotten when it starts.
     */
    static final Duration STALE = Duration.ofMinutes(1);

    /** The longest an attempt waits for those in flight before it (a safety net; they take a password check each). */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final LoginFailures failures;
    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final AtomicLong lastCleanUp = new AtomicLong();
    private final Object settlements = new Object();

    @Autowired
    LoginThrottle(LoginFailures failures, SystemSettings settings) {
        this(failures, settings.login().maxFailuresPerUser(), settings.login().maxFailuresPerAddress(),
                settings.login().window(), Clock.systemUTC());
    }

    LoginThrottle(LoginFailures failures, int perUser, int perAddress, Duration window, Clock clock) {
        this.failures = failures;
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** A sign-in attempt in flight: its rows (the user's first, then the address's). */
    record Attempt(List<Long> rows) {
    }

    /** An attempt either refused (and not counted) or allowed (and in flight until it fails or succeeds). */
    record Outcome(Optional<Refusal> refusal, Attempt attempt) {
    }

    /** Empty when a sign-in may be tried, otherwise why not and for how long (the failures recorded so far). */
    Optional<Refusal> refusal(String username, String address) {
        Instant now = clock.instant();
        return refusal(username, address, now);
    }

    /**
     * Decides on a sign-in attempt and, when it may go on, counts it as in flight — both at once for its user name
     * and address, one decision at a time on any node ({@link LoginFailures#exclusively}). Refused (and not counted)
     * when the failures already reached a limit; allowed when the failures and the attempts in flight stay under the
     * limits. Otherwise the attempts in flight would pass a limit if all failed: it waits until they have settled,
     * as failures (the limit is reached: refused) or as successes (it goes on). Taken one at a time, each decision
     * sees every attempt let through before it, so no more than the limit are ever in flight or failed together.
     */
    Outcome attempt(String username, String address) {
        forgetOld(clock.instant());
        List<String> subjects = address == null ? List.of(LoginFailures.subject(Kind.USER, key(username)))
                : List.of(LoginFailures.subject(Kind.USER, key(username)), LoginFailures.subject(Kind.ADDRESS, address));
        long giveUp = System.nanoTime() + MAX_WAIT.toNanos();
        while (true) {
            Outcome outcome = failures.exclusively(subjects, () -> decide(username, address, clock.instant()));
            if (outcome != null) {
                return outcome;
            }
            if (System.nanoTime() > giveUp) {
                return new Outcome(Optional.of(new Refusal("Too many sign-ins at the same moment: try again in a few "
                        + "seconds.", Duration.ofSeconds(5), true, 0)), new Attempt(List.of()));
            }
            try {
                awaitSettlement();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(Optional.of(new Refusal("Interrupted: try again.", Duration.ofSeconds(1), true, 0)),
                        new Attempt(List.of()));
            }
        }
    }

    /** Refused, or allowed and counted; null while the attempts in flight keep it waiting. */
    private Outcome decide(String username, String address, Instant now) {
        Optional<Refusal> refusal = refusal(username, address, now);
        if (refusal.isPresent()) {
            return new Outcome(refusal, new Attempt(List.of()));
        }
        if (crowded(Kind.USER, key(username), perUser, now)
                || address != null && crowded(Kind.ADDRESS, address, perAddress, now)) {
            return null;
        }
        List<Long> rows = new ArrayList<>();
        rows.add(failures.recordPending(Kind.USER, key(username), now));
        if (address != null) {
            rows.add(failures.recordPending(Kind.ADDRESS, address, now));
        }
        return new Outcome(Optional.empty(), new Attempt(List.copyOf(rows)));
    }

    /** Whether the failures and the attempts in flight already make the limit (if those all fail). */
    private boolean crowded(Kind kind, String subject, int limit, Instant now) {
        return failures.failedOrInFlight(kind, subject, now.minus(window), now.minus(STALE)) >= limit;
    }

    private Optional<Refusal> refusal(String username, String address, Instant now) {
        Duration user = wait(Kind.USER, key(username), perUser, now);
        Duration client = address == null ? Duration.ZERO : wait(Kind.ADDRESS, address, perAddress, now);
        Duration longest = user.compareTo(client) >= 0 ? user : client;
        if (!user.isZero()) {
            return Optional.of(new Refusal("Too many failed sign-ins for this user: try again in " + minutes(user) + ".",
                    longest, true, wholeMinutes(user)));
        }
        if (!client.isZero()) {
            return Optional.of(new Refusal("Too many failed sign-ins from this address: try again in "
                    + minutes(client) + ".", longest, false, wholeMinutes(client)));
        }
        return Optional.empty();
    }

    /**
     * At start, the attempts a killed process left in flight are forgotten (they would keep the next sign-ins
     * waiting): in a cluster, another node's attempts of that moment too, which lets at most those few through.
     */
    @EventListener(ApplicationReadyEvent.class)
    void forgetAttemptsOfAStoppedProcess() {
        failures.forgetInFlightBefore(clock.instant().minusSeconds(1));
    }

    /** The attempt's password was wrong: it is a failure now. */
    void failed(Attempt attempt) {
        failures.settle(attempt.rows());
        announceSettlement();
    }

    /**
     * Failures older than the window are deleted, at most once a minute per node: every attempt deleting the same
     * rows at once made simultaneous sign-ins wait for each other's locks.
     */
    private void forgetOld(Instant now) {
        long minute = now.getEpochSecond() / 60;
        long last = lastCleanUp.get();
        if (last != minute && lastCleanUp.compareAndSet(last, minute)) {
            failures.forgetBefore(now.minus(window));
        }
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        forgetOld(now);
        failures.record(Kind.USER, key(username), now);
        if (address != null) {
            failures.record(Kind.ADDRESS, address, now);
        }
    }

    void succeeded(String username) {
        failures.clear(Kind.USER, key(username));
    }

    /** The attempt succeeded: the user's failures are cleared, and its own row for the address forgotten. */
    void succeeded(String username, Attempt attempt) {
        failures.forget(attempt.rows());
        succeeded(username);
        announceSettlement();
    }

    /** Wakes the attempts of this node waiting for those in flight (they look again at once). */
    private void announceSettlement() {
        synchronized (settlements) {
            settlements.notifyAll();
        }
    }

    /**
     * Until an attempt of this node settles, or a quarter of a second (an attempt on another node settling): waiters
     * asking the database every few milliseconds made the throttle the bottleneck of a busy user.
     */
    private void awaitSettlement() throws InterruptedException {
        synchronized (settlements) {
            settlements.wait(250);
        }
    }

    /**
     * An attempt the filter counted, settled as soon as its password has been checked (the authentication events
     * below), not when its request ends: a long request must not keep the next sign-ins waiting.
     */
    static final class InFlight {
        final String username;
        final Attempt attempt;
        private final AtomicBoolean settled = new AtomicBoolean();

        InFlight(String username, Attempt attempt) {
            this.username = username;
            this.attempt = attempt;
        }

        boolean settle() {
            return settled.compareAndSet(false, true);
        }
    }

    /** The request attribute holding this request's attempt counted by {@link #attempt} ({@link InFlight}). */
    static final String COUNTED = LoginThrottle.class.getName() + ".counted";

    /** Settles an attempt once: a success or a failure. */
    void settle(InFlight inFlight, boolean signedIn) {
        if (inFlight.settle()) {
            if (signedIn) {
                succeeded(inFlight.username, inFlight.attempt);
            } else {
                failed(inFlight.attempt);
            }
        }
    }

    private static InFlight inFlight() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null
                : request.getAttribute(COUNTED, RequestAttributes.SCOPE_REQUEST) instanceof InFlight counted ? counted : null;
    }

    /** A failed sign-in: the attempt the filter counted becomes a failure, or one is recorded (nothing counted it). */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        InFlight counted = inFlight();
        if (counted != null) {
            settle(counted, false);
            return;
        }
        failed(event.getAuthentication().getName(), address(event.getAuthentication()));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        InFlight counted = inFlight();
        if (counted != null && counted.username.strip().equalsIgnoreCase(event.getAuthentication().getName())) {
            settle(counted, true);
            return;
        }
        succeeded(event.getAuthentication().getName());
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Locked while the last {@code limit} failures all fall within the window: until the oldest leaves it. */
    private Duration wait(Kind kind, String subject, int limit, Instant now) {
        List<Instant> newest = failures.newest(kind, subject, now.minus(window), limit);
        if (newest.size() < limit) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, newest.get(newest.size() - 1).plus(window));
        return left.isNegative() || left.isZero() ? Duration.ZERO : left;
    }

    private static String minutes(Duration wait) {
        long minutes = wholeMinutes(wait);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private static long wholeMinutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
