package io.relais.publish.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.relais.publish.PublishSettings;

/**
 * The public feeds are answered first, from memory, before the security and MVC filters; the partner feeds, answered
 * by MVC, get the same CORS rules from it ({@link FeedCors}).
 */
@Configuration(proxyBeanMethods = false)
class FeedHttpConfiguration implements WebMvcConfigurer {

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/feeds/p/**").combine(FeedCors.CONFIG);
    }

    @Bean
    FilterRegistrationBean<PublicFeedFilter> publicFeeds(FeedDocuments documents, PublishSettings properties) {
        FilterRegistrationBean<PublicFeedFilter> registration =
                new FilterRegistrationBean<>(new PublicFeedFilter(documents, properties));
        registration.addUrlPatterns("/feeds", "/feeds/*");
        // first of all, the feed path as short as it can be: this filter writes the documents' security headers
        // itself (DocumentSecurity), on its 404s too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
