package io.relais.ingest.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.relais.article.Source;

/** A source as {@code /api/sources} shows it: its settings and its health (what is unknown yet is left out). */
record SourceView(long id, String url, String kind, String name, String pollInterval, boolean paused, boolean polling,
                  boolean fetchFullArticle, List<String> languages, Health health) {

    record Health(OffsetDateTime lastPolledAt, OffsetDateTime lastSuccessAt, String lastError, int consecutiveFailures,
                  OffsetDateTime nextPollAt) {
    }

    /** {@code polling}: whether its poller route runs now; {@code allLanguages}: what a source without its own list gets. */
    static SourceView of(Source s, boolean polling, List<String> allLanguages) {
        return new SourceView(s.id(), s.url(), s.kind().name(), s.name(),
                Duration.ofSeconds(s.pollIntervalSeconds()).toString(), s.paused(),
                s.kind() == Source.Kind.FEED && polling, s.fetchFullArticle(),
                s.languages() == null ? allLanguages : s.languages(),
                new Health(s.lastPolledAt(), s.lastSuccessAt(), s.lastError(), s.consecutiveFailures(), s.nextPollAt()));
    }
}
