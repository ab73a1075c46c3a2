package io.relais.article;

import java.time.OffsetDateTime;

/** Where articles come from: a polled feed, the inbox folder or the push API, with its polling state. */
public record Source(
        long id,
        String url,
        Kind kind,
        String name,
        int pollIntervalSeconds,
        String etag,
        String lastModified,
        OffsetDateTime lastPolledAt,
        OffsetDateTime lastSuccessAt,
        String lastError,
        int consecutiveFailures,
        boolean paused,
        boolean fetchFullArticle,
        OffsetDateTime nextPollAt) {

    public enum Kind { FEED, INBOX, API }
}
