package io.relais.cluster.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.relais.batch.LocalizeSteps;
import io.relais.batch.RunGate;
import io.relais.cluster.ClusterSettings;

/**
 * The batch module's {@link RunGate} in a cluster: one localize run at a time across the nodes. The node that starts
 * a run holds a PostgreSQL advisory lock for as long as it checks for a running run and runs its own: the database
 * holds it for the node's session, with no clock and no lease, and lets go of it when the session ends (the node
 * stopped, died, or was cut off long enough for the server to drop it). The job repository says whether a run is
 * going on: a run whose manager died stays STARTED there until the elected node abandons it ({@link RunManagerLease},
 * {@link RunResumption}); after {@code relais.cluster.partition-timeout} the gate stops waiting for it anyway. Only
 * the node elected to poll starts the scheduled runs, and a run found running at start-up may be another node's. The
 * express runs of this node hold a lease of their own while they run ({@link ExpressRunOrphans} reads it).
 */
@Component
@ConditionalOnProperty(prefix = "relais.cluster", name = "enabled", havingValue = "true")
class ClusterRunGate implements RunGate {

    private static final Logger log = LoggerFactory.getLogger(ClusterRunGate.class);
    /** The advisory lock's key (any number no other code uses: "relais" in ASCII). */
    private static final long LOCK_KEY = 0x72656c616973L;

    private final DataSource dataSource;
    private final JobRepository jobRepository;
    private final Duration patience;
    private final PollingDuties duties;
    private final RunManagerLease lease;
    private final RunManagerLease expressLease;

    ClusterRunGate(DataSource dataSource, JobRepository jobRepository, ClusterSettings cluster, PollingDuties duties,
                   @Qualifier("localizeManagerLease") RunManagerLease lease,
                   @Qualifier("expressManagerLease") RunManagerLease expressLease) {
        this.dataSource = dataSource;
        this.jobRepository = jobRepository;
        this.patience = cluster.partitionTimeout();
        this.duties = duties;
        this.lease = lease;
        this.expressLease = expressLease;
    }

    /** This process's express lease row: each express run names it, and {@link ExpressRunOrphans} reads it. */
    @Override
    public String expressManager() {
        return expressLease.name();
    }

    /** The express lane runs one run at a time on a node: one lease for them all, renewed while each runs. */
    @Override
    public <T> T managingExpress(Supplier<T> run) {
        return expressLease.holding(run);
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
        try (Connection session = dataSource.getConnection()) {
            session.setAutoCommit(true);
            // try and wait rather than block in the database: a statement waiting for hours is what a cut network
            // looks like too
            while (!call(session, "select pg_try_advisory_lock(?)")) {
                pause();
            }
            try {
                waitForRunningRun();
                // the other nodes can tell a run whose manager died from one going on
                return lease.holding(run);
            } finally {
                try {
                    call(session, "select pg_advisory_unlock(?)");
                } catch (SQLException e) {
                    // the session is gone, and its lock with it
                    log.debug("Run lock not released ({}): it went with its session", e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the cluster's run lock: " + e.getMessage(), e);
        }
    }

    private static boolean call(Connection session, String sql) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement(sql)) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
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
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the running localize run", e);
        }
    }
}
