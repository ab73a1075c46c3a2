package io.relais.system.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Feeds and health are public; the review API needs an EDITOR or ADMIN; everything else (sources, jobs, articles,
 * glossary, dead letters, metrics) an ADMIN. Browsers sign in with a form (CSRF-protected); scripts use HTTP Basic.
 * CSRF is not asked of script calls — HTTP Basic credentials, no session cookie, a JSON body or none — which a
 * cross-site form cannot send; every request with a session cookie needs the token, whatever else it carries. Without a signed-in user, a page is sent to the sign-in page ({@link SignInPages}: "your session expired"
 * when it had one, and back to the page after signing in) and everything else — API calls, pages' scripts — gets
 * 401 with a problem detail ({@link SignInFirst}); a refusal is a 403 error page ({@link ErrorPages}). Sign-ins are
 * throttled per user and per client address ({@link LoginThrottle}); every response carries a
 * Content-Security-Policy ({@link ContentSecurityPolicyFilter}) besides Spring Security's default headers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle, MessageSource messages,
                                            LocaleResolver locales, SystemSettings settings) throws Exception {
        // a script's call: HTTP Basic credentials, no session cookie (a cookie-authenticated request always needs the
        // token, whatever other headers it carries: an "Authorization: Bearer x" that nothing reads must not lift it)
        RequestMatcher scriptedJson = request -> basicCredentials(request)
                && request.getRequestedSessionId() == null && !hasSessionCookie(request)
                && (request.getContentType() == null
                        || request.getContentType().startsWith(MediaType.APPLICATION_JSON_VALUE));
        ReturnAfterSignIn returnAfterSignIn = new ReturnAfterSignIn();
        SignInFirst signInFirst = new SignInFirst(returnAfterSignIn, messages, locales);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/feeds/**", "/actuator/health", "/actuator/health/**", "/login",
                                SignInPages.REFUSED, "/logout", "/error", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/review/**", "/review", "/api/review/**", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html")
                        .hasAnyRole("EDITOR", "ADMIN")
                        .requestMatchers("/actuator/prometheus").access(ScrapeToken.orAdmin(settings.metrics().scrapeToken()))
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(Customizer.withDefaults())
                .formLogin(form -> form.loginPage("/login").successHandler(returnAfterSignIn)
                        .failureHandler(new SignInFailure()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .requestCache(cache -> cache.requestCache(returnAfterSignIn))
                .csrf(csrf -> csrf.ignoringRequestMatchers(scriptedJson))
                .exceptionHandling(e -> e.authenticationEntryPoint(signInFirst)
                        .accessDeniedHandler(new RefusedRequests(signInFirst)))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
;
        return http.build();
    }

    /** HTTP Basic credentials: the only Authorization header Relais reads (a bearer token is no credential here). */
    static boolean basicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** A session cookie, valid or not (the servlet's and Spring Session's names): such a request needs the token. */
    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equalsIgnoreCase("JSESSIONID") || cookie.getName().equalsIgnoreCase("SESSION")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The Content-Security-Policy (and Referrer- and Permissions-Policy) on every response, whichever filter chain
     * serves it (the public feeds and article pages have their own): a plain servlet filter ahead of them all.
     */
    @Bean
    FilterRegistrationBean<ContentSecurityPolicyFilter> contentSecurityPolicy() {
        FilterRegistrationBean<ContentSecurityPolicyFilter> registration =
                new FilterRegistrationBean<>(new ContentSecurityPolicyFilter());
        // right after the public feed filter (publish), which answers from memory with its own stricter headers
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
