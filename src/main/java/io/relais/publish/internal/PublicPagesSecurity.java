package io.relais.publish.internal;

import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Feeds (public and partner) and article pages are for anyone, without a session or a login: they get their own
 * filter chain, ahead of the application's, which leaves Cache-Control to the responses (public feeds may be cached
 * by readers and proxies; the security default forbids every cache).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PublicPagesSecurity {

    private static final Pattern PUBLIC = Pattern.compile("^/(feeds(/.*)?|[a-z]{2,3}/articles/[^/]*)$");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
        http.securityMatcher(request -> PUBLIC.matcher(request.getRequestURI()).matches())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.cacheControl(cache -> cache.disable()));
        return http.build();
    }
}
