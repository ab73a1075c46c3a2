package io.relais.publish.internal;

import java.util.HashMap;
import java.util.Map;
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
    /** Each feed's newest row at the last look (none before the first: every language counts as moved then). */
    private Map<String, Long> seen = Map.of();

    LogMarks(EntryLog log) {
        this.log = log;
    }

    /** The languages whose logs (public or partners') have rows this node had not seen at the last look. */
    public synchronized Set<String> moved() {
        Map<String, Long> now = new HashMap<>();
        log.marks().forEach((feed, mark) -> now.put(feed, mark.highWater()));
        Set<String> moved = new TreeSet<>();
        now.forEach((feed, high) -> {
            if (!high.equals(seen.get(feed))) {
                moved.add(FeedKeys.lang(feed));
            }
        });
        seen = now;
        return moved;
    }
}
