package io.relais.publish.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/** ETag / If-None-Match on the feeds, so that partners polling an unchanged feed get a 304. */
@Configuration(proxyBeanMethods = false)
class FeedHttpConfiguration {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> feedEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/feeds/*");
        return registration;
    }
}
