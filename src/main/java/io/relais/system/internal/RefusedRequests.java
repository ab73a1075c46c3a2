package io.relais.system.internal;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request refused by the CSRF check or by the rules. The CSRF check runs before anyone is signed in, so a request
 * without credentials it refuses is one whose session is gone — a form sent, or a page's script calling, after the
 * session expired — or a caller that never signed in: either must sign in ({@link SignInFirst}: the sign-in page,
 * or 401 for scripts; a header Relais does not read, such as a bearer token, is no credential). Signing out when already signed out just says so. A signed-in user, or a request carrying
 * credentials, refused gets 403: under {@code /api/} and {@code /actuator/} a problem detail saying why, elsewhere
 * the error page in the UI language for browsers (see {@code ErrorPages}).
 */
class RefusedRequests implements AccessDeniedHandler {

    private final SignInFirst signInFirst;
    private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

    RefusedRequests(SignInFirst signInFirst) {
        this.signInFirst = signInFirst;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (denied instanceof CsrfException && anonymous(request)) {
            if ("/logout".equals(request.getServletPath())) {
                response.sendRedirect(request.getContextPath() + "/login?logout");
                return;
            }
            if ("/login".equals(request.getServletPath()) && request.getParameter("username") != null) {
                SignInPages.rememberUsername(request, request.getParameter("username"));
            }
            signInFirst.commence(request, response, new InsufficientAuthenticationException(denied.getMessage(), denied));
            return;
        }
        if (PageRequests.api(request)) {
            // a script gets a problem detail saying why, as every API error (Spring's own answer was a bare
            // {"status":403,"error":"Forbidden"}, the same for a wrong role and for a body sent as a form)
            SignInFirst.problem(response, HttpStatus.FORBIDDEN, denied instanceof CsrfException
                    ? "a script's call sends HTTP Basic credentials, no session cookie, and a JSON body "
                            + "(Content-Type: application/json) or none; anything else needs the CSRF token of a "
                            + "signed-in page"
                    : "this needs " + (request.getRequestURI().startsWith("/api/review/") ? "an editor" : "an administrator")
                            + "; " + who() + " may not do it", request.getRequestURI(),
                    // a page's script tells a token of a session gone (signed in again in another tab) from a refusal
                    denied instanceof CsrfException ? Map.of("refused", "csrf") : Map.of());
            return;
        }
        // for the error page, which tells a form out of date from a page refused (Spring's handler sets it only
        // when it forwards to an error page of its own)
        request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
        forbidden.handle(request, response, denied);
    }

    private static boolean anonymous(HttpServletRequest request) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated())
                && !SecurityConfiguration.basicCredentials(request);
    }

    private static String who() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || who instanceof AnonymousAuthenticationToken ? "an anonymous caller" : who.getName();
    }
}
