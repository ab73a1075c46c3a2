package io.relais.cluster.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.relais.ingest.PollingControl;

/**
 * The poller election: one lease in the shared database ({@code cluster_lease}), timed on the database's clock
 * only, so that nodes whose clocks disagree still agree on who holds it. Every manager node stands; the holder renews
 * its lease every fifth of {@code relais.cluster.lease-time}, the others try to take it, which the database allows
 * only once it has expired on its own clock. Each change of holder starts a new, numbered term.
 * <p>
 * The holder gives its duty up before the lease can expire for the others: it counts on its lease only until
 * {@code lease-time} minus a third after it <em>sent</em> its last successful renewal (on its monotonic clock, which
 * jumps of the wall clock do not move), and a watchdog thread stops its polling at that deadline even while the
 * renewal itself hangs on a cut network. The database cannot give the lease to another node before the holder's
 * renewal plus {@code lease-time}, which is later. A holder that comes back after losing its lease stays a candidate
 * and starts polling again only in a new term.
 * <p>
 * Written by hand: Spring Integration's {@code LockRegistryLeaderInitiator} over a {@code JdbcLockRegistry} times
 * leases on each node's own clock (a node 30 s ahead takes any lease at once) and keeps the leadership while its
 * renewal hangs.
 */
class PollerLease implements SmartLifecycle {

    static final String LEASE = "relais-poller";
    private static final Logger log = LoggerFactory.getLogger(PollerLease.class);

    private static final String ACQUIRE = """
            insert into cluster_lease (name, holder, holder_id, term, expires_at)
            values (?, ?, ?, 1, clock_timestamp() + ? * interval '1 millisecond')
            on conflict (name) do update set holder = excluded.holder, holder_id = excluded.holder_id,
                term = cluster_lease.term + 1, expires_at = excluded.expires_at
            where cluster_lease.expires_at < clock_timestamp() or cluster_lease.holder_id = excluded.holder_id
            returning term""";
    private static final String RENEW = """
            update cluster_lease set expires_at = clock_timestamp() + ? * interval '1 millisecond'
            where name = ? and holder_id = ? and term = ? and expires_at > clock_timestamp()
            returning term""";
    private static final String RELEASE = """
            update cluster_lease set expires_at = clock_timestamp() where name = ? and holder_id = ? and term = ?""";

    private final JdbcTemplate jdbc;
    private final ClusterNode node;
    private final PollingControl polling;
    private final long leaseMillis;
    private final long beatMillis;
    /** How long after sending a successful renewal this node still counts on its lease. */
    private final long trustNanos;
    private final boolean candidate;
    private final long sourceSyncMillis;

    private ScheduledExecutorService beat;
    private ScheduledExecutorService watchdog;
    private ExecutorService duties;
    private volatile boolean running;
    /** The term this node holds, 0 when none. */
    private volatile long term;
    /** {@link System#nanoTime()} after which this node no longer counts on its lease. */
    private volatile long deadline;
    private volatile boolean unreachable;

    PollerLease(JdbcTemplate jdbc, ClusterNode node, PollingControl polling, Duration leaseTime,
                Duration sourceSyncInterval, boolean candidate) {
        this.jdbc = jdbc;
        this.sourceSyncMillis = Math.max(1000, sourceSyncInterval.toMillis());
        this.node = node;
        this.polling = polling;
        this.leaseMillis = leaseTime.toMillis();
        this.beatMillis = Math.max(100, leaseMillis / 5);
        this.trustNanos = TimeUnit.MILLISECONDS.toNanos(leaseMillis - leaseMillis / 3);
        this.candidate = candidate;
    }

    /** Whether this node holds the poller duty at this instant (false from the moment its deadline passes). */
    boolean holds() {
        return term != 0 && System.nanoTime() - deadline < 0;
    }

    void beat() {
        try {
            long sent = System.nanoTime();
            long held = term;
            if (held != 0) {
                List<Long> renewed = jdbc.queryForList(RENEW, Long.class, leaseMillis, LEASE, node.lockClientId(), held);
                if (renewed.isEmpty()) {
                    endTerm(held, "its lease expired on the database's clock before it could renew it");
                } else {
                    extend(held, sent + trustNanos);
                }
            } else {
                List<Long> acquired = jdbc.queryForList(ACQUIRE, Long.class, LEASE, node.name(), node.lockClientId(),
                        leaseMillis);
                if (!acquired.isEmpty()) {
                    beginTerm(acquired.get(0), sent + trustNanos);
                }
            }
            if (unreachable) {
                unreachable = false;
                log.info("Poller lease: the database answers again");
            }
        } catch (DataAccessException | IllegalStateException e) {
            if (!unreachable) {
                unreachable = true;
                log.warn("Poller lease: cannot reach the database ({}){}", e.getMessage(),
                        term != 0 ? "; this node stops polling when its lease may end, unless it renews it by then" : "");
            }
        }
    }

    private synchronized void extend(long held, long until) {
        if (term == held && until - deadline > 0) {
            deadline = until;
        }
    }

    private synchronized void beginTerm(long newTerm, long until) {
        if (!running || until - System.nanoTime() <= 0) {
            return;
        }
        deadline = until;
        term = newTerm;
        log.info("Poller term {} begins on {} (monotonic {} ms)", newTerm, node.name(), monotonicMillis());
        duties.execute(() -> {
            if (term == newTerm && holds()) {
                polling.startPolling();
            }
        });
    }

    /** Ends the term at once (the fence closes before this returns), then stops the pollers. */
    private synchronized void endTerm(long held, String reason) {
        if (term != held || held == 0) {
            return;
        }
        term = 0;
        log.info("Poller term {} ends on {}: {} (monotonic {} ms)", held, node.name(), reason, monotonicMillis());
        duties.execute(polling::stopPolling);
    }

    private void watch() {
        long held = term;
        if (held != 0 && System.nanoTime() - deadline >= 0) {
            endTerm(held, "its lease could not be renewed in time");
        }
    }

    /** The machine's monotonic clock, shared by every process on it: what the fault tests' history is written on. */
    static long monotonicMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        beat = Executors.newSingleThreadScheduledExecutor(daemon("poller-lease"));
        watchdog = Executors.newSingleThreadScheduledExecutor(daemon("poller-lease-watchdog"));
        duties = Executors.newSingleThreadExecutor(daemon("poller-duties"));
        beat.scheduleWithFixedDelay(this::beat, 0, beatMillis, TimeUnit.MILLISECONDS);
        watchdog.scheduleWithFixedDelay(this::watch, 50, 50, TimeUnit.MILLISECONDS);
        beat.scheduleWithFixedDelay(this::followSourceChanges, sourceSyncMillis, sourceSyncMillis,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Every {@code relais.cluster.source-sync-interval} while this node polls: picks up sources added, paused or
     * removed through another node's API. On the duties' thread, so never after the stop that ends a term.
     */
    private void followSourceChanges() {
        duties.execute(() -> {
            if (holds()) {
                polling.startPolling();
            }
        });
    }

    @Override
    public void stop() {
        long held;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            held = term;
            endTerm(held, "the node is stopping");
        }
        beat.shutdownNow();
        watchdog.shutdownNow();
        duties.shutdown();
        try {
            duties.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (held != 0) {
            try {
                // expired now, on the database's clock: the next node need not wait for it
                jdbc.update(RELEASE, LEASE, node.lockClientId(), held);
            } catch (DataAccessException e) {
                log.info("Poller lease not released ({}): it expires by itself", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return candidate;
    }

    /** Late: the pollers it starts need Camel running. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
