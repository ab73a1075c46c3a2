package io.relais.batch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relais.batch.*}: when localize runs start (a {@code debounce} after the last article arrived, unless
 * {@code runAfterIngest} is off or the express lane took the article; on the cron {@code schedule}, "-" for never),
 * how they work (chunk size: articles committed together, and how long the express lane may wait for a backlog
 * thread to yield; languages translated in parallel ({@code 0}: all of them), at most {@code maxItemsPerRun}
 * articles per language, longer articles than {@code maxWordsPerArticle} FAIL), how often a FAILED translation is
 * tried again ({@code maxAttempts} in all), how long the job repository's calls keep trying when the database dropped
 * their connection ({@code repositoryRetry}: a restart or fail-over; {@code 0}: not at all), and the express lane
 * ({@link Express}).
 */
@ConfigurationProperties("relais.batch")
public record BatchSettings(
        @DefaultValue("10s") Duration debounce,
        @DefaultValue("true") boolean runAfterIngest,
        @DefaultValue("0 */30 * * * *") String schedule,
        @DefaultValue("1") int chunkSize,
        @DefaultValue("0") int threads,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("10000") int maxItemsPerRun,
        @DefaultValue("20000") int maxWordsPerArticle,
        @DefaultValue("30s") Duration repositoryRetry,
        @DefaultValue Express express) {

    public BatchSettings {
        express = express == null ? new Express(true, 10, 0, Duration.ofMinutes(2), true, 120) : express;
        if (chunkSize < 1) {
            throw new IllegalArgumentException("relais.batch.chunk-size must be at least 1, got " + chunkSize);
        }
    }

    /**
     * {@code relais.batch.express.*}: each new or revised article translated at once, ahead of any backlog (only
     * when {@code run-after-ingest} is on).
     *
     * @param enabled        the express lane (off: an article waits for the debounced run, as before)
     * @param maxQueue       articles waiting for the express lane at most; beyond, an arrival is left to the backlog
     *                       job (the debounced run), so that a burst degrades into batching by itself
     * @param segmentThreads threads translating one article's segments at once ({@code 0}: twice the cores, since a
     *                       segment's thread waits while Apertium's processes work)
     * @param claimWait      longest wait for a translation another lane (or node) is working on, before checking
     *                       whether it was stored and doing it if not
     * @param warmUp         after start, translate and check a sentence into every language in the background, so
     *                       that the first article does not wait for LanguageTool and Apertium to load
     * @param warmUpTexts    then at most this many short texts per language (two sentences of a bundled French text
     *                       each), translated and checked one at a time, pausing while an article is translated and
     *                       ending when the JIT has gone quiet or a backlog runs: the JIT compiles the code every
     *                       article runs before the first articles pay for it ({@code 0}: none)
     */
    public record Express(@DefaultValue("true") boolean enabled, @DefaultValue("10") int maxQueue,
                          @DefaultValue("0") int segmentThreads, @DefaultValue("2m") Duration claimWait,
                          @DefaultValue("true") boolean warmUp, @DefaultValue("600") int warmUpTexts) {

        public Express {
            if (maxQueue < 1) {
                throw new IllegalArgumentException("relais.batch.express.max-queue must be at least 1, got " + maxQueue);
            }
            if (warmUpTexts < 0) {
                throw new IllegalArgumentException("relais.batch.express.warm-up-texts must be 0 or more, got " + warmUpTexts);
            }
        }

        /** The threads an article's segments are translated on. */
        public int segmentThreadCount() {
            return segmentThreads > 0 ? segmentThreads : 2 * Runtime.getRuntime().availableProcessors();
        }
    }
}
