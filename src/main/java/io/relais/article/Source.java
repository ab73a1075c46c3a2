package io.relais.article;

import java.time.OffsetDateTime;
import java.util.List;

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
        OffsetDateTime nextPollAt,
        List<String> languages) {

    /** Whether articles of this source are translated into {@code lang} (all languages when none are set). */
    public boolean translatesInto(String lang) {
        return languages == null || languages.isEmpty() || languages.contains(lang);
    }

    public enum Kind { FEED, INBOX, API }
}
