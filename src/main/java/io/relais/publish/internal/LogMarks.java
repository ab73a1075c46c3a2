package io.relais.publish.internal;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

/**
 * Which languages' publishing logs moved since the last look, whoever moved them. In a cluster a node hears of the
 * others' changes by their announcements, which a node dying between its commit and its announcement, or a broker
 * refusing it, loses: with no other way to learn of them, a node served what it had — an entry withdrawn elsewhere
 * included — until that language's next change reached it.
 */
@Component
public class LogMarks {

    private final EntryLog log;
    /** The newest row at the last look (-1 before the first: every language counts as moved then). */
    private long seen = -1;

    LogMarks(EntryLog log) {
        this.log = log;
    }

    /**
     * The languages whose logs (public or partners') have rows this node had not seen at the last look. Every 10 s on
     * every node: one look at the newest row, then the rows after the last look's only (the log grows for ever).
     */
    public synchronized Set<String> moved() {
        long high = log.highWater();
        if (high == seen) {
            return Set.of();
        }
        Set<String> moved = new TreeSet<>();
        log.feedsAfter(Math.max(seen, 0)).forEach(feed -> moved.add(FeedKeys.lang(feed)));
        seen = high;
        return moved;
    }
}
