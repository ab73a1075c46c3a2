package io.relais.publish;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rounds of work per key, coalesced: at most one running and one pending per key, and no caller waits. A caller
 * that {@link #start}s a key while a round of it runs marks it pending and goes away; the running caller then goes
 * round once more ({@link #again}) — however many callers came meanwhile. Written by hand: a lock would park the
 * callers' threads, and an executor per key would queue one round per caller.
 */
final class CoalescedRounds {

    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int PENDING = 2;

    private final Map<String, AtomicInteger> states = new ConcurrentHashMap<>();

    /** True: the caller runs the key's rounds (until {@link #again} says no); false: the running caller will. */
    boolean start(String key) {
        AtomicInteger state = state(key);
        while (true) {
            int now = state.get();
            if (now == IDLE && state.compareAndSet(IDLE, RUNNING)) {
                return true;
            }
            if (now == PENDING || now == RUNNING && state.compareAndSet(RUNNING, PENDING)) {
                return false;
            }
        }
    }

    /** After a round: true if someone came meanwhile (go round once more), false if the key is now idle. */
    boolean again(String key) {
        AtomicInteger state = state(key);
        while (true) {
            int now = state.get();
            if (now == PENDING && state.compareAndSet(PENDING, RUNNING)) {
                return true;
            }
            if (now == RUNNING && state.compareAndSet(RUNNING, IDLE)) {
                return false;
            }
        }
    }

    /** The running caller gives up (a round failed): the key is idle again, so the next caller starts afresh. */
    void abandon(String key) {
        state(key).set(IDLE);
    }

    private AtomicInteger state(String key) {
        return states.computeIfAbsent(key, k -> new AtomicInteger(IDLE));
    }
}
