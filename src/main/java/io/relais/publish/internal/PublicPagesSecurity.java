package io.relais.publish.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import io.relais.translation.TargetLanguages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Feeds (public and partner) and article pages are for anyone, without a session or a login: they get their own
 * filter chain, ahead of the application's, which leaves Cache-Control to the responses (public feeds may be cached
 * by readers and proxies; the security default forbids every cache). The public paths are matched exactly:
 * {@code /feeds} and what is under it, and {@code /{lang}/articles/{ref}} for a published language or {@code fr}
 * only — never a pattern that another path (such as {@code /api/articles/16}) could also match. Every answer there,
 * a 404 or an error included, carries the documents' policy ({@link DocumentSecurity}), not the signed-in pages'.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PublicPagesSecurity {

    /** The public paths of these languages: the feeds, and the article pages of each language and the French original. */
    static Pattern publicPaths(List<String> languages) {
        List<String> pages = new ArrayList<>(languages);
        pages.add("fr");
        String alternatives = pages.stream().distinct().map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile("^/feeds(?:/.*)?$|^/(?:" + alternatives + ")/articles/[^/]+$");
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain publicPages(HttpSecurity http, TargetLanguages languages) throws Exception {
        Pattern publicPath = publicPaths(languages.languages());
        http.securityMatcher(request -> publicPath.matcher(request.getRequestURI()).matches())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .addFilterBefore(new DocumentPolicyFilter(), HeaderWriterFilter.class);
        return http.build();
    }

    /**
     * The document policy from the start of the request, so that an answer that never reaches a controller's own
     * {@link DocumentSecurity#apply} (a 404, a refused method, an error) keeps it: a feed document's address gets the
     * feed policy, any other public address the page policy.
     */
    static final class DocumentPolicyFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            DocumentSecurity.applyForPath(response, request.getRequestURI());
            chain.doFilter(request, response);
        }
    }
}
