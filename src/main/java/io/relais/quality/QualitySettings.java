package io.relais.quality;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relais.quality.*}.
 *
 * @param variants             LanguageTool variant per language ({@code en: en-GB}); the engine's own by default
 * @param thresholds           per-language segment threshold (estimated sentence chrF) overriding the fitted one in
 *                             {@code quality/model-<lang>.properties}
 * @param autoApproveThreshold one threshold for every language, overriding the fitted ones (unset by default)
 * @param checkersPerLanguage  LanguageTool instances per language at most (each holds its rules in memory)
 */
@ConfigurationProperties("relais.quality")
public record QualitySettings(
        Map<String, String> variants,
        Map<String, Double> thresholds,
        Double autoApproveThreshold,
        @DefaultValue("4") int checkersPerLanguage) {

    public QualitySettings {
        variants = variants == null ? Map.of() : variants;
        thresholds = thresholds == null ? Map.of() : thresholds;
    }
}
