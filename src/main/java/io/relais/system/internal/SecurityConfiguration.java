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

/**
 * Feeds and health are public; the review API needs an EDITOR or ADMIN; everything else (sources, jobs, articles,
 * glossary, dead letters, metrics) an ADMIN. Browsers sign in with a form (CSRF-protected); scripts use HTTP Basic.
 * CSRF is not asked of requests that carry credentials and a JSON body together, which a cross-site form cannot
 * send; an unauthenticated API call gets 401, not a redirect to the login page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
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
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(Customizer.withDefaults())
                .formLogin(form -> form.defaultSuccessUrl("/review", false))
                .csrf(csrf -> csrf.ignoringRequestMatchers(scriptedJson))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api));
        return http.build();
    }
}
