package io.relais.system.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/**
 * Feeds and health are public; the review API needs an EDITOR or ADMIN; everything else (sources, jobs, articles,
 * glossary, dead letters, metrics) an ADMIN. Browsers sign in with a form (CSRF-protected); scripts use HTTP Basic.
 * CSRF is not asked of requests that carry credentials and a JSON body together, which a cross-site form cannot
 * send; an unauthenticated API call gets 401, not a redirect to the login page. Sign-ins are throttled per user
 * and per client address ({@link LoginThrottle}); every response carries a Content-Security-Policy
 * ({@link ContentSecurityPolicyFilter}) besides Spring Security's default headers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle, SystemSettings settings)
            throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/")
                || request.getRequestURI().startsWith("/actuator/");
        RequestMatcher scriptedJson = request -> request.getHeader("Authorization") != null
                && (request.getContentType() == null || request.getContentType().startsWith(MediaType.APPLICATION_JSON_VALUE));
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/feeds/**", "/actuator/health", "/actuator/health/**", "/login", "/error")
                        .permitAll()
                        .requestMatchers("/review/**", "/review", "/api/review/**", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html")
                        .hasAnyRole("EDITOR", "ADMIN")
                        .requestMatchers("/actuator/prometheus").access(ScrapeToken.orAdmin(settings.metrics().scrapeToken()))
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(Customizer.withDefaults())
                .formLogin(form -> form.defaultSuccessUrl("/review", false))
                .csrf(csrf -> csrf.ignoringRequestMatchers(scriptedJson))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .accessDeniedHandler(anonymousApiCallsGet401(api)))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
;
        return http.build();
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

    /**
     * An API request without any credentials refused by the CSRF check (which runs before HTTP Basic) is a 401, as
     * for any anonymous call; one with credentials, or from a signed-in user without the right, gets 403.
     */
    private static AccessDeniedHandler anonymousApiCallsGet401(RequestMatcher api) {
        AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            boolean anonymous = (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated())
                    && request.getHeader("Authorization") == null;
            if (anonymous && api.matches(request)) {
                response.sendError(HttpStatus.UNAUTHORIZED.value(), "sign in first (HTTP Basic or the login form)");
            } else {
                forbidden.handle(request, response, denied);
            }
        };
    }
}
