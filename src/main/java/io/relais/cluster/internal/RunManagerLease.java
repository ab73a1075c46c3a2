package io.relais.cluster.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.relais.cluster.ClusterSettings;

/**
 * Which node manages a run: that node renews a lease, timed on the database's clock (a {@code cluster_lease} row),
 * every third of {@code relais.cluster.lease-time} while its run goes on, for three lease times, and gives it up when
 * the run ends. Two such leases per node ({@link ClusterConfiguration}): the localize run going on (one at a time in a
 * cluster, see {@link ClusterRunGate}: one row, {@value #LOCALIZE}, for whichever node runs it), and this process's
 * express runs (a row of its own, {@value #EXPRESS} followed by the process's lock id, named in each express run's
 * parameters). A run the job repository shows running while its lease has run out is an orphan: its manager was
 * killed, lost its machine, or could not record the run's end (the database away for longer than
 * {@code relais.batch.repository-retry}); {@link RunResumption} and {@link ExpressRunOrphans} then abandon it, so that
 * the next run neither waits for it nor thinks it is going on.
 */
class RunManagerLease implements DisposableBean {

    /** The localize run's lease row. */
    static final String LOCALIZE = "relais-localize-manager";
    /** The start of the name of a process's express lease row. */
    static final String EXPRESS = "relais-express-manager:";
    private static final Logger log = LoggerFactory.getLogger(RunManagerLease.class);
    private static final String RENEW = """
            insert into cluster_lease (name, holder, holder_id, term, expires_at)
            values (?, ?, ?, 0, clock_timestamp() + ? * interval '1 millisecond')
            on conflict (name) do update set holder = excluded.holder, holder_id = excluded.holder_id,
                expires_at = excluded.expires_at""";
    private static final String RELEASE = """
            update cluster_lease set expires_at = clock_timestamp() where name = ? and holder_id = ?""";
    private static final String STATE = """
            select expires_at, expires_at > clock_timestamp() from cluster_lease where name = ?""";
    private static final String FORGET = """
            delete from cluster_lease
            where name like (? || '%') and expires_at < clock_timestamp() - ? * interval '1 millisecond'""";

    /** The lease as the database sees it: held by a live manager, or run out at {@code expiredAt} (null: never held). */
    record State(boolean live, Instant expiredAt) {
    }

    private final JdbcClient jdbc;
    private final ClusterNode node;
    private final String name;
    private final long lengthMillis;
    private final long renewMillis;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "run-manager-lease");
        thread.setDaemon(true);
        return thread;
    });

    RunManagerLease(DataSource dataSource, ClusterNode node, ClusterSettings cluster, String name) {
        this.jdbc = JdbcClient.create(dataSource);
        this.node = node;
        this.name = name;
        this.lengthMillis = 3 * cluster.leaseTime().toMillis();
        this.renewMillis = Math.max(100, cluster.leaseTime().toMillis() / 3);
    }

    /** The lease's row in {@code cluster_lease}. */
    String name() {
        return name;
    }

    /** Runs {@code run} (a run this node manages, one at a time), renewing the lease until it returns. */
    <T> T holding(Supplier<T> run) {
        renew();
        ScheduledFuture<?> renewal = renewer.scheduleWithFixedDelay(this::renew, renewMillis, renewMillis,
                TimeUnit.MILLISECONDS);
        try {
            return run.get();
        } finally {
            renewal.cancel(false);
            try {
                jdbc.sql(RELEASE).params(name, node.lockClientId()).update();
            } catch (RuntimeException e) {
                log.debug("Run manager lease not given up ({}): it runs out by itself", e.getMessage());
            }
        }
    }

    /** Whether a manager holds the lease now, read on the database's clock. */
    State state() {
        return stateOf(name);
    }

    /** Whether a manager holds the lease row {@code lease} (another node's, say) now, read on the database's clock. */
    State stateOf(String lease) {
        List<State> rows = jdbc.sql(STATE).param(lease)
                .query((row, n) -> new State(row.getBoolean(2), row.getTimestamp(1).toInstant())).list();
        return rows.isEmpty() ? new State(false, null) : rows.get(0);
    }

    /**
     * Deletes the lease rows whose name starts with {@code prefix} that ran out longer than {@code ago} ago: those of
     * processes gone for good (a live one makes its row again at its next run). A run still naming a deleted row is
     * an orphan all the same: no row, no live manager.
     */
    int forgetRunOut(String prefix, Duration ago) {
        return jdbc.sql(FORGET).params(prefix, ago.toMillis()).update();
    }

    private void renew() {
        try {
            jdbc.sql(RENEW).params(name, node.name(), node.lockClientId(), lengthMillis).update();
        } catch (RuntimeException e) {
            // the database away: the renewals go on, and the lease runs out only if it stays away for three lease times
            log.debug("Run manager lease not renewed now: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        renewer.shutdownNow();
    }
}
