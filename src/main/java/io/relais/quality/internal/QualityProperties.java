package io.relais.quality.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code relais.quality.*}.
 *
 * @param variants               LanguageTool variant per language ({@code en: en-GB}); the engine's own by default
 * @param thresholds             per-language segment threshold (estimated chrF) overriding the fitted one
 * @param autoApproveThreshold   one threshold for every language, overriding the fitted ones (unset by default)
 */
@ConfigurationProperties("relais.quality")
public record QualityProperties(Map<String, String> variants, Map<String, Double> thresholds,
                                Double autoApproveThreshold) {
}
