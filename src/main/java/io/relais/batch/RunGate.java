package io.relais.batch;

import java.util.function.Supplier;

/**
 * How this node's localize runs get along with other nodes' (the cluster module implements it). On one machine
 * ({@link #IN_PROCESS}, the default when no bean implements it) the caller's lock is enough, this node starts the
 * scheduled runs, and a run found running at start-up was this machine's and died with its process; in a cluster the
 * gate also waits for a run started by another node, only the elected node starts scheduled runs, and a run found
 * running may be another node's. The same for the express runs: in a cluster each records which process manages it,
 * and that process lets the others know that it lives while the run goes on.
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

    /**
     * The name under which this process is known to manage its express runs, recorded with each
     * ({@link LocalizeSteps#MANAGER}), so that another node can tell a live one from an orphan; null on one machine,
     * where an express run found running at start-up died with its process.
     */
    default String expressManager() {
        return null;
    }

    /** Runs {@code run} (which starts and runs one express run of this node), letting the other nodes know it lives. */
    default <T> T managingExpress(Supplier<T> run) {
        return run.get();
    }

    RunGate IN_PROCESS = new RunGate() {
        @Override
        public <T> T exclusively(Supplier<T> run) {
            return run.get();
        }
    };
}
