package io.relais.system.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a request that needs a signed-in user gets without one. A page (a browser navigating) is sent to the sign-in
 * page, which says "your session expired" when the request named a session that no longer exists; after signing in
 * the user comes back to the page ({@link ReturnAfterSignIn}). Anything else — an API call, a page's script —
 * gets {@code 401} with a problem detail ({@code application/problem+json}) and no {@code WWW-Authenticate}
 * challenge (which would make a browser open its own password dialog over the page): {@code sessionExpired} tells a
 * page's script that its session expired, {@code signIn} where to sign in again, and the page it was called from is
 * where the user comes back to.
 */
class SignInFirst implements AuthenticationEntryPoint {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReturnAfterSignIn returnAfterSignIn;
    private final MessageSource messages;
    private final LocaleResolver locales;

    SignInFirst(ReturnAfterSignIn returnAfterSignIn, MessageSource messages, LocaleResolver locales) {
        this.returnAfterSignIn = returnAfterSignIn;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        boolean expired = PageRequests.sessionExpired(request);
        String signIn = request.getContextPath() + "/login" + (expired ? "?expired" : "");
        if (!PageRequests.api(request) && PageRequests.navigation(request)) {
            if (!"GET".equals(request.getMethod())) {
                returnAfterSignIn.rememberReferringPage(request);   // a form sent: back to the page it was on
            }
            response.sendRedirect(signIn);
            return;
        }
        if (expired && !PageRequests.api(request)) {
            returnAfterSignIn.rememberReferringPage(request);   // a page's script: back to that page
        }
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("sessionExpired", expired);
        more.put("signIn", signIn);
        problem(response, HttpStatus.UNAUTHORIZED, messages.getMessage(expired ? "signin.problem.expired"
                : "signin.problem.required", null, locale), request.getRequestURI(), more);
    }

    /** A problem detail ({@code application/problem+json}) written by a filter, where no controller advice answers. */
    static void problem(HttpServletResponse response, HttpStatus status, String detail, String instance,
                        Map<String, Object> more) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        problem.putAll(more);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
