package io.relais.system.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the page header of every server-rendered page needs (the error pages' too: Spring Boot's error controller
 * is a {@code @Controller}): whether someone is signed in, and the address of this same page in each interface
 * language ({@code ?ui=fr|en|es}, the other parameters kept).
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    @ModelAttribute("signedIn")
    boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    @ModelAttribute("uiLinks")
    Map<String, String> uiLinks(HttpServletRequest request) {
        // the address the browser asked for, also when this page is an error page or a forward's target
        String path = attribute(request, RequestDispatcher.ERROR_REQUEST_URI,
                attribute(request, RequestDispatcher.FORWARD_REQUEST_URI, request.getRequestURI()));
        String query = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) != null
                ? (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING) : request.getQueryString();
        if ("POST".equals(request.getMethod()) || path.equals(SignInPages.REFUSED)) {
            query = null;   // a form's answer: the language link opens the page, it does not send the form again
        }
        Map<String, String> links = new LinkedHashMap<>();
        for (String lang : WebConfiguration.UI_LANGUAGES) {
            links.put(lang, UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("ui", lang)
                    .build().toUriString());
        }
        return links;
    }

    private static String attribute(HttpServletRequest request, String name, String otherwise) {
        return request.getAttribute(name) instanceof String value ? value : otherwise;
    }
}
