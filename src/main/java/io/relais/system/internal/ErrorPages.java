package io.relais.system.internal;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import io.relais.article.Article;
import io.relais.system.AppUser;
import io.relais.system.Users;
import io.relais.translation.TargetLanguages;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The error pages browsers get (Spring Boot's error controller asks this resolver for every HTML error; API clients
 * keep their JSON, and the APIs their problem details): never the Whitelabel page. A signed-in page's error is in
 * the UI language, says what happened in words and gives a way back — the page the user came from, the dashboard or
 * the sign-in page, and for an editor refused another language's queue, their own queues. An error under the public
 * addresses (feeds, feed pages, article pages) gets the public error page instead: in the page's own language (the
 * language in its address: a target language or the source language), with nothing from any session.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorPages implements ErrorViewResolver {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    /** What anyone may read: {@code /feeds/...} (with its language when it has one) and {@code /{lang}/articles/...}. */
    private static final Pattern PUBLIC = Pattern.compile("^/(?:feeds(?:/([a-z]{2,3})(?:/.*)?|/.*)?|([a-z]{2,3})/articles(?:/.*)?)$");

    private final MessageSource messages;
    private final TargetLanguages languages;
    private final Users users;

    ErrorPages(MessageSource messages, TargetLanguages languages, Users users) {
        this.messages = messages;
        this.languages = languages;
        this.users = users;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> error) {
        String path = error.get("path") instanceof String p ? p
                : request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : request.getRequestURI();
        Matcher publicPage = PUBLIC.matcher(path);
        if (publicPage.matches()) {
            return publicPage(status, publicPage.group(1) != null ? publicPage.group(1) : publicPage.group(2));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        String kind = kind(request, status);
        model.put("kind", kind);
        model.put("path", path);
        String back = PageRequests.referringPage(request);
        // back to the page the user came from: not to this same address (a reload of the error), but to the page of
        // a form refused as out of date, which is at the address it posts to
        String asked = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (back != null && (!back.equals(asked) || kind.equals("csrf"))) {
            model.put("back", back);
        }
        if (status.is5xxServerError()) {
            model.put("time", LocalTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_TIME));
        }
        if (kind.equals("403")) {
            model.put("queues", ownQueues());
        }
        return new ModelAndView("system/error", model, status);
    }

    /** Which text the page shows: one per status a user meets, the CSRF refusal apart, else the class of status. */
    private static String kind(HttpServletRequest request, HttpStatus status) {
        if (status == HttpStatus.FORBIDDEN && request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            return "csrf";
        }
        return switch (status) {
            case BAD_REQUEST, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, INTERNAL_SERVER_ERROR -> String.valueOf(status.value());
            default -> status.is5xxServerError() ? "5xx" : "4xx";
        };
    }

    /** The review queues of the signed-in editor, for a page they may not open: where they may go instead. */
    private Map<String, String> ownQueues() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Map<String, String> queues = new LinkedHashMap<>();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return queues;
        }
        try {
            AppUser user = users.find(auth.getName()).orElse(null);
            if (user != null) {
                for (String lang : languages.languages()) {
                    if (user.reviews(lang)) {
                        queues.put(lang, TargetLanguages.nativeName(lang));
                    }
                }
            }
        } catch (RuntimeException unavailable) {
            // the error page must show even when the database does not answer: without the queues then
            log.debug("error page without the user's queues: {}", unavailable.toString());
        }
        return queues;
    }

    private ModelAndView publicPage(HttpStatus status, String pathLanguage) {
        String lang = pathLanguage != null && (pathLanguage.equals(Article.SOURCE_LANGUAGE) || languages.languages().contains(pathLanguage))
                ? pathLanguage : "en";
        Locale locale = Locale.forLanguageTag(lang);
        // a page withdrawn after publication (410) says so; one that never was, not found; anything else, an error
        String kind = switch (status) {
            case NOT_FOUND -> "public.notFound";
            case GONE -> "public.gone";
            default -> "public.error";
        };
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("status", status.value());
        model.put("title", messages.getMessage(kind + ".title", null, locale));
        model.put("text", messages.getMessage(kind + ".text", null, locale));
        model.put("feedsText", messages.getMessage("public.feeds", null, locale));
        if (languages.languages().contains(lang)) {
            model.put("languageLink", "/feeds/" + lang + "/");
            model.put("languageText", messages.getMessage("public.language",
                    new Object[] {TargetLanguages.nativeName(lang)}, locale));
        }
        return new ModelAndView("system/public-error", model, status);
    }
}
