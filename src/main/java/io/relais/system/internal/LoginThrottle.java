package io.relais.system.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
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
 * An attempt is counted as a failure <em>before</em> its password is checked ({@link #attempt}) and forgotten if it
 * is refused or succeeds, so that guesses sent at the same instant, to one node or to several, see each other: a
 * check made before and a failure recorded after the password would let every simultaneous guess through.
 */
@Component
class LoginThrottle {

    /**
     * Why a sign-in is refused (in English, for scripts), and how long until one may be tried again; {@code perUser}
     * and {@code minutes} let a page say the same in the UI language.
     */
    record Refusal(String reason, Duration retryAfter, boolean perUser, long minutes) {
    }

    private final LoginFailures failures;
    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;

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

    /** A sign-in attempt counted as a failure until it is settled: its rows. */
    record Attempt(List<Long> rows) {
    }

    /** An attempt either refused (and not counted) or allowed (and counted until it succeeds). */
    record Outcome(Optional<Refusal> refusal, Attempt attempt) {
    }

    /** Empty when a sign-in may be tried, otherwise why not and for how long (the failures recorded so far). */
    Optional<Refusal> refusal(String username, String address) {
        return refusal(username, address, clock.instant(), 0);
    }

    /**
     * Counts a sign-in attempt, then decides on the failures recorded so far with it: refused — and then not
     * counted — when a limit was already reached without it; allowed otherwise, and counted as a failure until
     * {@link #succeeded(String, Attempt)}.
     */
    Outcome attempt(String username, String address) {
        Instant now = clock.instant();
        failures.forgetBefore(now.minus(window));
        List<Long> rows = new ArrayList<>();
        rows.add(failures.record(Kind.USER, key(username), now));
        if (address != null) {
            rows.add(failures.record(Kind.ADDRESS, address, now));
        }
        Optional<Refusal> refusal = refusal(username, address, now, 1);
        if (refusal.isPresent()) {
            failures.forget(rows);
            return new Outcome(refusal, new Attempt(List.of()));
        }
        return new Outcome(Optional.empty(), new Attempt(List.copyOf(rows)));
    }

    /** @param counted attempts already among the rows (this one): a limit is reached beyond them */
    private Optional<Refusal> refusal(String username, String address, Instant now, int counted) {
        Duration user = wait(Kind.USER, key(username), perUser + counted, now);
        Duration client = address == null ? Duration.ZERO : wait(Kind.ADDRESS, address, perAddress + counted, now);
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

    void failed(String username, String address) {
        Instant now = clock.instant();
        failures.forgetBefore(now.minus(window));
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
    }

    /** A failed sign-in that no {@link #attempt} counted already (the throttle's filter marks those it counts). */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(COUNTED, RequestAttributes.SCOPE_REQUEST) != null) {
            return;
        }
        failed(event.getAuthentication().getName(), address(event.getAuthentication()));
    }

    /** The request attribute that says this request's sign-in was counted by {@link #attempt}. */
    static final String COUNTED = LoginThrottle.class.getName() + ".counted";

    @EventListener
    void on(AuthenticationSuccessEvent event) {
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
