package io.relais.quality;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relais.quality.*}: score = 100 − issues per 100 words × {@code issueWeight} − % unknown words ×
 * {@code unknownWeight}; at or above {@code autoApproveThreshold} a translation is published without review. At most
 * {@code checkersPerLanguage} LanguageTool instances exist per language (each holds its rules in memory).
 */
@ConfigurationProperties("relais.quality")
public record QualitySettings(
        @DefaultValue("4.0") double issueWeight,
        @DefaultValue("2.0") double unknownWeight,
        @DefaultValue("70") double autoApproveThreshold,
        @DefaultValue("4") int checkersPerLanguage) {
}
