package io.relais.batch.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The express lane's priority on this machine's cores: while an express step runs here, backlog steps here wait
 * before their next chunk (a chunk in progress finishes; chunk-size 1, the default, makes that one article). On two
 * cores, five backlog threads would otherwise take five sevenths of the CPU from a breaking article. The time backlog
 * threads spend waiting is the metric {@value #METRIC} (seconds, summed over threads): what the backlog's throughput
 * pays for the express lane.
 */
@Component
public class LaneGate {

    public static final String METRIC = "relais.batch.backlog.yielded";

    private int express;
    private final LongAdder waitedNanos = new LongAdder();
    private volatile long lastBacklogChunk;

    public LaneGate() {
    }

    @Autowired
    LaneGate(ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            FunctionCounter.builder(METRIC, this, LaneGate::waitedSeconds).baseUnit("seconds")
                    .description("time backlog threads waited for the express lane, summed over threads")
                    .register(registry);
        }
    }

    /** An express step starts on this node. */
    public synchronized void enter() {
        express++;
    }

    /** An express step ended on this node. */
    public synchronized void leave() {
        express = Math.max(0, express - 1);
        if (express == 0) {
            notifyAll();
        }
    }

    /** Whether express work runs on this node now. */
    public synchronized boolean expressRunning() {
        return express > 0;
    }

    /** Blocks a thread (the warm-up's) while express work runs on this node; not counted as the backlog's wait. */
    synchronized void awaitNoExpress() throws InterruptedException {
        while (express > 0) {
            wait();
        }
    }

    /** A backlog chunk begins on this node. */
    void backlogChunk() {
        lastBacklogChunk = System.nanoTime();
    }

    /** Whether a backlog chunk began on this node within {@code window}. */
    boolean backlogRanWithin(Duration window) {
        long last = lastBacklogChunk;
        return last != 0 && System.nanoTime() - last < window.toNanos();
    }

    /** Blocks a backlog thread, between two chunks, while express work runs on this node. */
    public synchronized void awaitBacklogTurn() throws InterruptedException {
        if (express == 0) {
            return;
        }
        long started = System.nanoTime();
        try {
            awaitNoExpress();
        } finally {
            waitedNanos.add(System.nanoTime() - started);
        }
    }

    /** Seconds backlog threads have waited here so far, summed over threads. */
    public double waitedSeconds() {
        return waitedNanos.sum() / (double) TimeUnit.SECONDS.toNanos(1);
    }
}
