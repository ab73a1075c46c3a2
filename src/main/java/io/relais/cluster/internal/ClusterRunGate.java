package io.relais.cluster.internal;

import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.stereotype.Component;

import io.relais.batch.LocalizeSteps;
import io.relais.batch.RunGate;
import io.relais.cluster.ClusterSettings;

/**
 * The batch module's {@link RunGate} in a cluster. One localize run at a time across the nodes. A short database lock covers the check for a running run and the
 * start of a new one, and the job repository says whether a run is going on (its lease would not outlive a long run). A run whose
 * manager died stays STARTED in the repository: after {@code relais.cluster.partition-timeout} the gate stops
 * waiting for it. Only the node elected to poll starts the scheduled runs, and a run found running at start-up may
 * be another node's.
 */
@Component
@ConditionalOnProperty(prefix = "relais.cluster", name = "enabled", havingValue = "true")
class ClusterRunGate implements RunGate {

    private static final Logger log = LoggerFactory.getLogger(ClusterRunGate.class);
    private static final String LOCK_KEY = "localize-run";

    private final JdbcLockRegistry locks;
    private final JobRepository jobRepository;
    private final Duration patience;
    private final PollingDuties duties;

    ClusterRunGate(JdbcLockRegistry locks, JobRepository jobRepository, ClusterSettings cluster, PollingDuties duties) {
        this.locks = locks;
        this.jobRepository = jobRepository;
        this.patience = cluster.partitionTimeout();
        this.duties = duties;
    }

    @Override
    public boolean startsScheduledRuns() {
        return duties.elected();
    }

    @Override
    public boolean runsOnOtherNodes() {
        return true;
    }

    @Override
    public <T> T exclusively(Supplier<T> run) {
        Lock lock = locks.obtain(LOCK_KEY);
        lock.lock();
        try {
            waitForRunningRun();
            return run.get();
        } finally {
            try {
                lock.unlock();
            } catch (ConcurrentModificationException | IllegalStateException e) {
                // the lease ran out during a long run: another node may hold it by now, which is fine — the job
                // repository shows our run as running until it ended
                log.debug("Run lock already expired: {}", e.getMessage());
            }
        }
    }

    private void waitForRunningRun() {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!jobRepository.findRunningJobExecutions(LocalizeSteps.JOB_NAME).isEmpty()) {
            if (System.nanoTime() > deadline) {
                log.warn("A localize run has been running for longer than {}: starting a new one anyway", patience);
                return;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the running localize run", e);
            }
        }
    }
}
