package io.relais.batch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relais.batch.*}: when localize runs start (a {@code debounce} after the last article arrived, unless
 * {@code runAfterIngest} is off; on the cron {@code schedule}, "-" for never), how they work (chunk size, languages
 * translated in parallel ({@code 0}: all of them), at most {@code maxItemsPerRun} articles per language, longer articles than
 * {@code maxWordsPerArticle} FAIL) and how often a FAILED translation is tried again ({@code maxAttempts} in all).
 */
@ConfigurationProperties("relais.batch")
public record BatchSettings(
        @DefaultValue("10s") Duration debounce,
        @DefaultValue("true") boolean runAfterIngest,
        @DefaultValue("0 */30 * * * *") String schedule,
        @DefaultValue("5") int chunkSize,
        @DefaultValue("0") int threads,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("10000") int maxItemsPerRun,
        @DefaultValue("20000") int maxWordsPerArticle) {
}
