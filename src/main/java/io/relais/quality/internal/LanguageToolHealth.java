package io.relais.quality.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.relais.quality.LanguageQualityChecker;
import io.relais.translation.TargetLanguages;

/**
 * {@code /actuator/health} component {@code languagetool}: the LanguageTool variant each target language is checked
 * in, and the checks answered from the cache; DOWN when a language has no LanguageTool module on the classpath
 * (its translations would go unchecked).
 */
@Component("languagetool")
class LanguageToolHealth implements HealthIndicator {

    private final LanguageQualityChecker checker;
    private final List<String> languages;

    LanguageToolHealth(LanguageQualityChecker checker, TargetLanguages languages) {
        this.checker = checker;
        this.languages = languages.languages();
    }

    @Override
    public Health health() {
        Map<String, Object> variants = new LinkedHashMap<>();
        boolean all = true;
        for (String lang : languages) {
            boolean supported = checker.supports(lang);
            all &= supported;
            variants.put(lang, supported ? checker.variant(lang) : "no LanguageTool module");
        }
        return (all ? Health.up() : Health.down()).withDetails(variants)
                .withDetail("cacheHits", checker.cacheHits()).withDetail("cacheMisses", checker.cacheMisses())
                .build();
    }
}
