package io.relais.system.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts each sign-in attempt (form {@code POST /login} or an HTTP Basic header) with {@link LoginThrottle} before any
 * password is checked and stops one it refuses: 429 with {@code Retry-After} and the reason, as JSON for scripts and
 * as the sign-in page for the sign-in form ({@link SignInPages}). An attempt that signs the user in is forgotten; the others become failures.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        String username = form ? request.getParameter("username") : basicUsername(request);
        if (username == null) {
            chain.doFilter(request, response);
            return;
        }
        LoginThrottle.Outcome outcome = throttle.attempt(username, request.getRemoteAddr());
        Optional<LoginThrottle.Refusal> refusal = outcome.refusal();
        if (refusal.isEmpty()) {
            // settled by the authentication events as soon as the password is checked; here if none came
            LoginThrottle.InFlight inFlight = new LoginThrottle.InFlight(username, outcome.attempt());
            request.setAttribute(LoginThrottle.COUNTED, inFlight);
            boolean signedIn = false;
            try {
                chain.doFilter(request, response);
                signedIn = signedIn(username);
            } finally {
                throttle.settle(inFlight, signedIn);
            }
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(Math.max(1, refusal.get().retryAfter().toSeconds())));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (form) {
            // the sign-in page again, in the UI language, with the reason and the user name typed
            request.setAttribute(SignInPages.REFUSAL, refusal.get());
            request.getRequestDispatcher(SignInPages.REFUSED).forward(request, response);
        } else {
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"" + refusal.get().reason().replace("\"", "'") + "\"}");
        }
    }

    /** Whether the request just signed this user in (form login and HTTP Basic leave the context set). */
    private static boolean signedIn(String username) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated()
                && !(auth instanceof AnonymousAuthenticationToken)
                && auth.getName().equalsIgnoreCase(username.strip());
    }

    private static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
