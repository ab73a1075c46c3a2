package io.relais.batch.internal.remote;

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

import io.relais.batch.internal.LocalizeJobConfiguration;
import io.relais.batch.internal.RunGate;
import io.relais.cluster.ClusterProperties;

/**
 * One localize run at a time across the nodes. A short database lock covers "is a run going on? no: start one",
 * and the job repository says whether a run is going on (its lease would not outlive a long run). A run whose
 * manager died stays STARTED in the repository: after {@code relais.cluster.partition-timeout} the gate stops
 * waiting for it.
 */
@Component
@ConditionalOnProperty(prefix = "relais.cluster", name = "enabled", havingValue = "true")
class ClusterRunGate implements RunGate {

    private static final Logger log = LoggerFactory.getLogger(ClusterRunGate.class);
    private static final String LOCK_KEY = "localize-run";

    private final JdbcLockRegistry locks;
    private final JobRepository jobRepository;
    private final Duration patience;

    ClusterRunGate(JdbcLockRegistry locks, JobRepository jobRepository, ClusterProperties cluster) {
        this.locks = locks;
        this.jobRepository = jobRepository;
        this.patience = cluster.partitionTimeout();
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
        while (!jobRepository.findRunningJobExecutions(LocalizeJobConfiguration.JOB_NAME).isEmpty()) {
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
