package io.relais.publish.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import io.relais.publish.FeedView;
import io.relais.publish.PublishSettings;

/**
 * Which withdrawals a feed's subscription document announces (Atom tombstones, JSON Feed {@code _relais.withdrawn}):
 * those logged in the {@link #WINDOW} before the feed's last change, at most as many as the document has entries
 * ({@code relais.publish.max-entries}). Counted back from the feed's newest log row, not from the clock, so that the
 * document is a function of the log alone: every node of a cluster, and a node after a restart, renders the same
 * bytes (the same ETag), and a tombstone leaves the document only with a change of the feed, never because a node's
 * clock moved on. The cap keeps a mass withdrawal (a partner's new filters) from growing the document without bound.
 */
@Component
class RecentWithdrawals {

    /** A week: a partner that polls at least once a week sees every withdrawal. */
    static final Duration WINDOW = Duration.ofDays(7);

    private final EntryLog log;
    private final int limit;

    RecentWithdrawals(EntryLog log, PublishSettings settings) {
        this.log = log;
        this.limit = settings.maxEntries();
    }

    /** The withdrawals {@code feed}'s subscription document carries, newest first; {@code mark}: the feed's. */
    List<FeedView.Withdrawal> of(String feed, EntryLog.Mark mark) {
        if (mark.highWater() == 0) {
            return List.of();
        }
        Instant since = mark.changedAt().minus(WINDOW);
        return log.withdrawals(feed, since, limit);
    }
}
