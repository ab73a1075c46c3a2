package io.relais.system.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read {@code /actuator/prometheus}: an administrator (form or HTTP Basic), or a Prometheus server sending
 * {@code Authorization: Bearer <relais.security.metrics.scrape-token>}, compared in constant time. Never anonymous:
 * without a configured token only administrators get in.
 */
final class ScrapeToken {

    private ScrapeToken() {
    }

    static AuthorizationManager<RequestAuthorizationContext> orAdmin(String token) {
        byte[] expected = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                                 RequestAuthorizationContext context) {
                Authentication who = authentication.get();
                boolean admin = who != null && who.isAuthenticated()
                        && who.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
                return new AuthorizationDecision(admin || bearer(context, expected));
            }
        };
    }

    private static boolean bearer(RequestAuthorizationContext context, byte[] expected) {
        if (expected == null) {
            return false;
        }
        String header = context.getRequest().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(expected, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
