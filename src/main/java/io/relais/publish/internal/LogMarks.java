package io.relais.publish.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which languages' publishing logs moved since the last look, whoever moved them. In a cluster a node hears of the
 * others' changes by their announcements, which a node dying between its commit and its announcement, or a broker
 * refusing it, loses: with no other way to learn of them, a node served what it had — an entry withdrawn elsewhere
 * included — until that language's next change reached it.
 * <p>
 * A row takes its id when it is written and becomes visible when its transaction commits, so a row can appear after
 * a newer one was seen: the ids missing below the newest seen (holes) are looked for again at every look, for
 * {@link #HOLE_LIFE} (a rolled-back transaction, or a sequence that skipped numbers, leaves holes that never fill).
 */
@Component
public class LogMarks {

    /** How long a missing id is looked for: far longer than a transaction of the log stays open. */
    static final Duration HOLE_LIFE = Duration.ofMinutes(5);
    /** More missing ids than this at once are a sequence's jump (a restart, a cache), not transactions in flight. */
    private static final long MAX_HOLES = 10_000;

    private final EntryLog log;
    private final Clock clock;
    /** The newest row at the last look (-1 before the first: every language counts as moved then). */
    private long seen = -1;
    /** Ids below {@link #seen} not seen yet, with when they were first missed. */
    private final TreeMap<Long, Instant> holes = new TreeMap<>();

    @Autowired
    LogMarks(EntryLog log) {
        this(log, Clock.systemUTC());
    }

    LogMarks(EntryLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * The languages whose logs (public or partners') have rows this node had not seen at the last look. Every 10 s on
     * every node: one look at the newest row, then the rows after the last look's (or after the oldest hole) only —
     * the log grows for ever.
     */
    public synchronized Set<String> moved() {
        Instant now = clock.instant();
        holes.values().removeIf(missed -> missed.plus(HOLE_LIFE).isBefore(now));
        long high = log.highWater();
        Set<String> moved = new TreeSet<>();
        if (seen < 0) {
            log.feedsAfter(0).forEach(feed -> moved.add(FeedKeys.lang(feed)));
            seen = high;
            return moved;
        }
        if (high == seen && holes.isEmpty()) {
            return moved;
        }
        long from = holes.isEmpty() ? seen : Math.min(seen, holes.firstKey() - 1);
        long expected = seen + 1;
        for (EntryLog.Row row : log.rowsAfter(from)) {
            if (row.id() > seen) {
                if (row.id() - expected <= MAX_HOLES) {
                    for (long missing = expected; missing < row.id(); missing++) {
                        holes.put(missing, now);
                    }
                }
                expected = row.id() + 1;
                seen = row.id();
                moved.add(FeedKeys.lang(row.feed()));
            } else if (holes.remove(row.id()) != null) {
                moved.add(FeedKeys.lang(row.feed()));
            }
        }
        return moved;
    }

    /** The ids looked for again (for tests). */
    synchronized int holes() {
        return holes.size();
    }
}
