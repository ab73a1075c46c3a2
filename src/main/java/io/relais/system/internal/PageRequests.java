package io.relais.system.internal;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;

/** What a request is, as the sign-in and error handling need to know it. */
final class PageRequests {

    private PageRequests() {
    }

    /** The JSON APIs and actuator: scripts, which get status codes and problem details, never a sign-in page. */
    static boolean api(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith("/api/") || uri.startsWith("/actuator/");
    }

    /**
     * A page the browser navigates to (address bar, link, form), as opposed to a page's script ({@code fetch},
     * XHR) or another client. Browsers say which in {@code Sec-Fetch-Mode}; without it (older browsers, other
     * clients), a request that accepts HTML and is not marked as XHR is taken for a page.
     */
    static boolean navigation(HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        if (mode != null) {
            return mode.equals("navigate");
        }
        if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /** The request names a session that no longer exists (it expired, or the server forgot it): sign in again. */
    static boolean sessionExpired(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }

    /**
     * The path and query of the page of ours the request came from ({@code Referer}, which browsers send to the same
     * origin only: Referrer-Policy same-origin), or null when it came from elsewhere, from nowhere, or from the
     * sign-in page itself. Only a path is returned, so that it can never send anyone to another site.
     */
    static String referringPage(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        String host = request.getHeader("Host");
        if (referer == null || host == null) {
            return null;
        }
        try {
            URI from = new URI(referer);
            if (from.getRawAuthority() == null || !from.getRawAuthority().equalsIgnoreCase(host)
                    || from.getRawPath() == null || !from.getRawPath().startsWith("/") || from.getRawPath().startsWith("//")
                    || from.getRawPath().equals("/login") || from.getRawPath().startsWith("/login/")
                    || from.getRawPath().equals("/logout")) {
                return null;
            }
            return from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
        } catch (URISyntaxException malformed) {
            return null;
        }
    }
}
