package io.relais.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * How the express lane gets the cores: a backlog step begins no chunk while an express step runs on this node (the
 * chunk it is in finishes), and each language of an express article takes at most two of the lane's threads.
 */
class LanePriorityTest {

    @Test
    void aBacklogStepBeginsNoChunkWhileAnExpressStepRunsAndGoesOnWhenItEnds() throws Exception {
        LaneGate gate = new LaneGate();
        AtomicInteger begun = new AtomicInteger();
        YieldingTransactionManager backlog = new YieldingTransactionManager(new CountingTransactions(begun), gate);

        gate.enter();   // an express step starts
        Thread chunk = new Thread(() -> backlog.commit(backlog.getTransaction(TransactionDefinition.withDefaults())));
        chunk.start();
        chunk.join(300);
        assertThat(chunk.isAlive()).as("the backlog waits before its next chunk").isTrue();
        assertThat(begun).hasValue(0);

        gate.leave();   // the express step ended
        chunk.join(10_000);
        assertThat(chunk.isAlive()).isFalse();
        assertThat(begun).hasValue(1);

        backlog.commit(backlog.getTransaction(TransactionDefinition.withDefaults()));
        assertThat(begun).as("no express work: no wait").hasValue(2);
    }

    @Test
    void eachLanguageOfAnExpressArticleTakesAtMostTwoThreadsAndEverySegmentIsTranslated() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            LimitedExecutor oneLanguage = new LimitedExecutor(threads, 2);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            List<Integer> done = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch all = new CountDownLatch(12);
            for (int i = 0; i < 12; i++) {
                int segment = i;
                oneLanguage.execute(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    done.add(segment);
                    all.countDown();
                });
            }
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(most.get()).isEqualTo(2);
            assertThat(done).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        } finally {
            threads.shutdownNow();
        }
    }

    /** A transaction manager that only counts the transactions begun. */
    private static final class CountingTransactions extends AbstractPlatformTransactionManager {

        private final AtomicInteger begun;

        CountingTransactions(AtomicInteger begun) {
            this.begun = begun;
        }

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            begun.incrementAndGet();
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
