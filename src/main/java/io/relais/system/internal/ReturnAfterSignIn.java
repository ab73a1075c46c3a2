package io.relais.system.internal;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a user goes after signing in: back to the page they asked for when they were sent to sign in (Spring
 * Security's saved request), else to the dashboard. Only page navigations by GET are saved — a page's script asking
 * for data, or an API call, must not become the page a user lands on. When a form was sent, or a page's script
 * called, with an expired session, the page it came from is saved instead ({@link #rememberReferringPage}). The
 * saved address is forgotten once used, so the address bar shows the page itself (no {@code ?continue}).
 */
class ReturnAfterSignIn extends HttpSessionRequestCache implements AuthenticationSuccessHandler {

    static final String HOME = "/review";

    private static final String ATTRIBUTE = ReturnAfterSignIn.class.getName();

    ReturnAfterSignIn() {
        setSessionAttrName(ATTRIBUTE);
        setMatchingRequestParameterName(null);
        setRequestMatcher(request -> "GET".equals(request.getMethod()) && PageRequests.navigation(request)
                && !PageRequests.api(request));
    }

    /** After sign-in, go back to the page of ours this request came from (a form or a script's call on it). */
    void rememberReferringPage(HttpServletRequest request) {
        String page = PageRequests.referringPage(request);
        if (page != null) {
            request.getSession(true).setAttribute(ATTRIBUTE, new SimpleSavedRequest(page));
        }
    }

    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        return null;   // the saved request is forgotten when used (below): nothing to match later
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        SavedRequest saved = getRequest(request, response);
        removeRequest(request, response);
        if (request.getSession(false) != null) {
            request.getSession(false).removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        response.sendRedirect(saved == null ? request.getContextPath() + HOME : saved.getRedirectUrl());
    }
}
