package io.relais.batch;

import java.util.function.Supplier;

/**
 * How this node's localize runs get along with other nodes' (the cluster module implements it). On one machine
 * ({@link #IN_PROCESS}, the default when no bean implements it) the caller's lock is enough, this node starts the
 * scheduled runs, and a run found running at start-up was this machine's and died with its process; in a cluster the
 * gate also waits for a run started by another node, only the elected node starts scheduled runs, and a run found
 * running may be another node's.
 */
public interface RunGate {

    /** Runs {@code run} (which starts a localize run) when no other run is going on. */
    <T> T exclusively(Supplier<T> run);

    /** Whether this node starts the scheduled runs now. */
    default boolean startsScheduledRuns() {
        return true;
    }

    /** Whether a run the job repository shows running, started before this process, may be alive on another node. */
    default boolean runsOnOtherNodes() {
        return false;
    }

    RunGate IN_PROCESS = new RunGate() {
        @Override
        public <T> T exclusively(Supplier<T> run) {
            return run.get();
        }
    };
}
