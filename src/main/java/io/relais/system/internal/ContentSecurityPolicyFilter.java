package io.relais.system.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A Content-Security-Policy on every response: scripts only from Relais itself or the page's own inline scripts
 * marked with this response's nonce ({@code th:attr="nonce=${cspNonce}"}), so that markup slipping into a page
 * cannot run; no plugins, no framing, forms post only here. Images may come from anywhere over http(s), since
 * articles show their own. Inline styles stay allowed (the pages use style attributes; styles cannot run code).
 * Also {@code Referrer-Policy: same-origin}, a {@code Permissions-Policy} and {@code X-Content-Type-Options: nosniff}.
 * Public documents (feeds, feed pages, article pages) replace this policy with their own stricter one, which lets
 * nothing run (publish's {@code DocumentSecurity}).
 */
class ContentSecurityPolicyFilter extends OncePerRequestFilter {

    static final String NONCE_ATTRIBUTE = "cspNonce";

    private final SecureRandom random = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' http: https: data:; object-src 'none'; "
                + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        // review and console addresses are not sent to the image hosts of the articles they show
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        // also for what no security filter chain writes headers on (the public feeds' answers and their errors)
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }
}
