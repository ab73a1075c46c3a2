package io.relais.batch.internal;

import java.util.function.Supplier;

/**
 * Keeps localize runs one at a time. On one machine the caller's lock is enough; in a cluster the gate also waits
 * for a run started by another node (see {@code ClusterRunGate}).
 */
public interface RunGate {

    <T> T exclusively(Supplier<T> run);

    RunGate IN_PROCESS = new RunGate() {
        @Override
        public <T> T exclusively(Supplier<T> run) {
            return run.get();
        }
    };
}
