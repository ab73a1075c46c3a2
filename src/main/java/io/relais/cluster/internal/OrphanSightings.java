package io.relais.cluster.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The two-look rule for a run shown running whose manager's lease is not live: it is an orphan when it was seen so at
 * this look and at the one before with the same expiry. A manager alive, even after the database was away, renews
 * its lease well within one look's interval (and a renewal moves the expiry); one that died, or whose thread ended
 * without recording the run's end, never does again. One instance per kind of run, used by one scheduled task.
 */
final class OrphanSightings {

    private record Sighting(long run, Instant expiredAt) {
    }

    /** The runs seen without a live manager at the last look that ended, each with its lease's expiry then. */
    private Set<Sighting> previous = Set.of();
    private final Set<Sighting> current = new HashSet<>();

    /**
     * This look sees {@code run} without a live manager, its lease run out at {@code expiredAt} (null: never taken):
     * true when the previous look saw the same, and the caller abandons it; else it is remembered for the next look.
     */
    boolean secondLook(long run, Instant expiredAt) {
        Sighting sighting = new Sighting(run, expiredAt);
        if (previous.contains(sighting)) {
            return true;
        }
        current.add(sighting);
        return false;
    }

    /** A run the caller could not abandon at its second look: abandoned at the next look if it is still the same. */
    void again(long run, Instant expiredAt) {
        current.add(new Sighting(run, expiredAt));
    }

    /** Ends a look: what it did not see (a run ended, a manager renewed its lease) is forgotten. */
    void lookDone() {
        previous = Set.copyOf(current);
        current.clear();
    }
}
