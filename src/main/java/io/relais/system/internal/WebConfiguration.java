package io.relais.system.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * UI language: English, or chosen with {@code ?ui=fr|en|es} and kept in a cookie. Only the interface languages are
 * taken ({@code ?ui=ca} or a made-up cookie change nothing): the bundles for the other content languages hold only
 * what the public pages say.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<String> UI_LANGUAGES = List.of("fr", "en", "es");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("relais-ui") {
            @Override
            protected Locale parseLocaleValue(String value) {
                return uiLocale(value);
            }
        };
        resolver.setDefaultLocale(Locale.ENGLISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                Locale locale = uiLocale(value);
                if (locale == null) {
                    throw new IllegalArgumentException("not an interface language: " + value);
                }
                return locale;
            }
        };
        interceptor.setParamName("ui");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    /** The interface language a value names, or null. */
    static Locale uiLocale(String value) {
        if (value == null) {
            return null;
        }
        String language = value.strip().toLowerCase(Locale.ROOT);
        return UI_LANGUAGES.contains(language) ? Locale.forLanguageTag(language) : null;
    }
}
