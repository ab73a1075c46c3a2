package io.relais.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.relais.ingest.PollingControl;

/**
 * The poller lease between two candidates on the cluster tests' PostgreSQL ({@code ./relais test-cluster}): at no
 * instant do both hold it, and a holder whose database stops answering (its statements hang, as on a cut network)
 * stops polling before the other can start. The end-to-end version, with real nodes cut off in the cluster lab, is
 * {@code ClusterFaultTest}.
 */
@Tag("cluster")
class PollerLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(3);

    private final List<String> history = new CopyOnWriteArrayList<>();
    private Cuttable cuttableA;
    private PollerLease a;
    private PollerLease b;

    @BeforeEach
    void twoCandidates() {
        DataSource database = ClusterTestDatabase.migrated();
        new JdbcTemplate(database).update("delete from cluster_lease where name = ?", PollerLease.LEASE);
        cuttableA = new Cuttable(database);
        a = new PollerLease(new JdbcTemplate(cuttableA.dataSource()), node("a"), polling("a"), LEASE,
                Duration.ofMinutes(1), true);
        b = new PollerLease(new JdbcTemplate(database), node("b"), polling("b"), LEASE, Duration.ofMinutes(1), true);
    }

    @AfterEach
    void stop() {
        cuttableA.heal();
        b.stop();
        a.stop();
    }

    @Test
    void atNoInstantDoBothCandidatesHoldTheLease() throws Exception {
        a.start();
        b.start();
        boolean someoneHeld = false;
        long end = System.nanoTime() + 3 * LEASE.toNanos();
        while (System.nanoTime() < end) {
            boolean holdsA = a.holds();
            boolean holdsB = b.holds();
            assertThat(holdsA && holdsB).as("both hold the lease").isFalse();
            someoneHeld |= holdsA || holdsB;
            Thread.sleep(5);
        }
        assertThat(someoneHeld).isTrue();
        assertThat(history).as("one start, by the one elected, and nobody lost it").hasSize(1);
    }

    @Test
    void aHolderWhoseDatabaseHangsStopsPollingBeforeTheOtherCandidateStarts() throws Exception {
        a.start();
        ClusterWait.until(Duration.ofSeconds(20), "a never held the lease", a::holds);
        b.start();
        Thread.sleep(LEASE.toMillis());
        assertThat(b.holds()).isFalse();

        cuttableA.cut();   // every statement of a's now hangs, its renewals included
        ClusterWait.until(Duration.ofSeconds(30), "b never took over", b::holds);
        assertThat(a.holds()).isFalse();
        // the pollers start on a thread of their own, just after the term began
        ClusterWait.until(Duration.ofSeconds(5), "b's pollers never started: " + history,
                () -> history.contains("start b"));
        assertThat(history).containsExactly("start a", "stop a", "start b");

        cuttableA.heal();
        Thread.sleep(2 * LEASE.toMillis());
        assertThat(a.holds()).as("a holds again while b renews").isFalse();
        assertThat(b.holds()).isTrue();
        assertThat(history).endsWith("start b");
    }

    private static ClusterNode node(String name) {
        return new ClusterNode(name, UUID.randomUUID().toString());
    }

    private PollingControl polling(String name) {
        return new PollingControl() {
            @Override
            public void startPolling() {
                history.add("start " + name);
            }

            @Override
            public void stopPolling() {
                history.add("stop " + name);
            }
        };
    }

    /** Waits for a condition, every 20 ms. */
    static final class ClusterWait {
        static void until(Duration within, String failure, java.util.function.BooleanSupplier condition)
                throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(failure);
                }
                Thread.sleep(20);
            }
        }
    }

    /** A database whose every call hangs while it is cut, as over a network that drops every packet. */
    static final class Cuttable {
        private final DataSource target;
        private volatile boolean cut;

        Cuttable(DataSource target) {
            this.target = target;
        }

        void cut() {
            cut = true;
        }

        synchronized void heal() {
            cut = false;
            notifyAll();
        }

        private synchronized void hangWhileCut() throws InterruptedException {
            while (cut) {
                wait();
            }
        }

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        hangWhileCut();
                        Object result = invoke(target, method, args);
                        return result instanceof Connection connection ? connection(connection) : result;
                    });
        }

        private Connection connection(Connection connection) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        hangWhileCut();
                        return invoke(connection, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
