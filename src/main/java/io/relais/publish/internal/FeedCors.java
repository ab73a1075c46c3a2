package io.relais.publish.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * What a partner's page in a browser may do with a feed document: any origin may read it, with no credential (a
 * partner's token is in the URL), and poll it as the partner's guide asks — read its {@code ETag} (and its WebSub
 * {@code Link}s), send it back in {@code If-None-Match}. A request that sets such a header is preflighted by the
 * browser with an {@code OPTIONS}, which is answered here for the public feeds (served ahead of MVC) and by Spring MVC
 * with the same configuration for the partner feeds.
 */
final class FeedCors {

    static final CorsConfiguration CONFIG = config();

    /** The exposed headers as a response names them (MVC writes them itself from {@link #CONFIG}). */
    static final String EXPOSED = String.join(", ", CONFIG.getExposedHeaders());

    private FeedCors() {
    }

    /** Answers a CORS preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}). */
    static void preflight(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (new DefaultCorsProcessor().processRequest(CONFIG, request, response)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }

    private static CorsConfiguration config() {
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOrigin("*");
        config.setAllowedMethods(List.of("GET", "HEAD"));
        config.addAllowedHeader("*");
        // ETag and Link are not among the headers a page may read unless they are exposed
        config.setExposedHeaders(List.of("ETag", "Link"));
        config.setMaxAge(86_400L);
        return config;
    }
}
