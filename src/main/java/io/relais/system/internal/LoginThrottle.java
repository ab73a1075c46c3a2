package io.relais.system.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code relais.security.login.max-failures-per-user} failed sign-ins (default 5)
 * for one user name, or {@code max-failures-per-address} (default 20) from one client address, within
 * {@code relais.security.login.window} (default 15 minutes), further sign-ins for that name or from that address —
 * even with the right password — are refused until the oldest of those failures leaves the window. Form login and
 * HTTP Basic both count (Spring Security's authentication events); a success clears the user's count. Kept in
 * memory: a restart forgets it, which only gives an attacker one more window.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

    @Autowired
    LoginThrottle(SecuritySettings settings) {
        this(settings.login().maxFailuresPerUser(), settings.login().maxFailuresPerAddress(), settings.login().window(),
                Clock.systemUTC());
    }

    LoginThrottle(int perUser, int perAddress, Duration window, Clock clock) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** Empty when a sign-in may be tried, otherwise the message saying why not and for how long. */
    Optional<String> refusal(String username, String address) {
        Instant now = clock.instant();
        Duration user = wait(byUser.get(key(username)), perUser, now);
        if (!user.isZero()) {
            return Optional.of("Too many failed sign-ins for this user: try again in " + minutes(user) + ".");
        }
        Duration client = wait(byAddress.get(address), perAddress, now);
        if (!client.isZero()) {
            return Optional.of("Too many failed sign-ins from this address: try again in " + minutes(client) + ".");
        }
        return Optional.empty();
    }

    /** How long until a sign-in may be tried (zero: now). */
    Duration retryAfter(String username, String address) {
        Instant now = clock.instant();
        Duration user = wait(byUser.get(key(username)), perUser, now);
        Duration client = wait(byAddress.get(address), perAddress, now);
        return user.compareTo(client) > 0 ? user : client;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (byUser.size() > MAX_TRACKED || byAddress.size() > MAX_TRACKED) {
            forgetOld(now);
        }
        record(byUser, key(username), perUser, now);
        if (address != null) {
            record(byAddress, address, perAddress, now);
        }
    }

    void succeeded(String username) {
        byUser.remove(key(username));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        failed(event.getAuthentication().getName(), address(event.getAuthentication()));
    }

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

    private void record(Map<String, Deque<Instant>> failures, String key, int limit, Instant now) {
        failures.compute(key, (k, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            synchronized (kept) {
                kept.addLast(now);
                while (kept.size() > limit) {
                    kept.removeFirst();
                }
            }
            return kept;
        });
    }

    /** Locked while the last {@code limit} failures all fall within the window: until the oldest leaves it. */
    private Duration wait(Deque<Instant> failures, int limit, Instant now) {
        if (failures == null) {
            return Duration.ZERO;
        }
        synchronized (failures) {
            if (failures.size() < limit) {
                return Duration.ZERO;
            }
            Duration left = Duration.between(now, failures.peekFirst().plus(window));
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    private void forgetOld(Instant now) {
        Instant horizon = now.minus(window);
        byUser.values().removeIf(times -> times.peekLast() == null || times.peekLast().isBefore(horizon));
        byAddress.values().removeIf(times -> times.peekLast() == null || times.peekLast().isBefore(horizon));
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
