package io.relais.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * How the express lane gets the cores: a backlog thread runs below it in the kernel's eyes and goes on with what the
 * lane leaves idle; one that cannot be lowered (a cluster worker's slice) begins no chunk while an express step runs on
 * this node (the chunk it is in finishes); and each language of an express article takes at most two of the lane's
 * threads.
 */
class LanePriorityTest {

    @Test
    void aBacklogStepAtTheProcesssPriorityBeginsNoChunkWhileAnExpressStepRunsAndGoesOnWhenItEnds() throws Exception {
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
        assertThat(gate.waitedSeconds()).as("the wait is counted (metric %s)", LaneGate.METRIC).isPositive();

        backlog.commit(backlog.getTransaction(TransactionDefinition.withDefaults()));
        assertThat(begun).as("no express work: no wait").hasValue(2);
    }

    @Test
    void theWarmUpWaitsWhileAnExpressStepRunsUncountedAndSeesABacklogByItsChunks() throws Exception {
        LaneGate gate = new LaneGate();
        gate.enter();
        Thread warmUp = new Thread(() -> {
            try {
                gate.awaitNoExpress();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        warmUp.start();
        warmUp.join(300);
        assertThat(warmUp.isAlive()).as("the warm-up waits while an article is translated").isTrue();
        gate.leave();
        warmUp.join(10_000);
        assertThat(warmUp.isAlive()).isFalse();
        assertThat(gate.waitedSeconds()).as("not the backlog's wait (metric %s)", LaneGate.METRIC).isZero();

        assertThat(gate.backlogRanWithin(java.time.Duration.ofSeconds(30))).as("no backlog chunk yet").isFalse();
        YieldingTransactionManager backlog = new YieldingTransactionManager(new CountingTransactions(new AtomicInteger()), gate);
        backlog.commit(backlog.getTransaction(TransactionDefinition.withDefaults()));
        assertThat(gate.backlogRanWithin(java.time.Duration.ofSeconds(30))).as("a backlog chunk just began").isTrue();
        Thread.sleep(20);
        assertThat(gate.backlogRanWithin(java.time.Duration.ofMillis(10))).as("not within the last 10 ms").isFalse();
    }

    @Test
    void theWarmUpTextIsFrenchSentencesWithoutItsCommentLine() {
        List<String> sentences = WarmUpText.sentences();
        assertThat(sentences).hasSizeGreaterThanOrEqualTo(20).noneMatch(s -> s.startsWith("#"))
                .allMatch(s -> s.endsWith(".") && s.split(" ").length >= 8);
    }

    @Test
    void aBacklogThreadRunsBelowTheProcessInTheKernelsEyesAndGoesOnWhileAnExpressStepRuns() throws Exception {
        Integer ours = BacklogThreads.niceness();
        assertThat(ours).as("this test's nice value, from /proc/thread-self/stat (Linux)").isNotNull();
        assumeTrue(ours < 19, "the test runs at the lowest priority already: nothing lower to go to");
        LaneGate gate = new LaneGate();
        AtomicInteger begun = new AtomicInteger();
        YieldingTransactionManager backlog = new YieldingTransactionManager(new CountingTransactions(begun), gate);
        AtomicReference<Integer> theirs = new AtomicReference<>();
        AtomicBoolean lowered = new AtomicBoolean();

        gate.enter();   // an express step runs
        try {
            Thread chunk = new BacklogThreads("backlog-test-").newThread(() -> {
                theirs.set(BacklogThreads.niceness());
                lowered.set(BacklogThreads.lowered());
                backlog.commit(backlog.getTransaction(TransactionDefinition.withDefaults()));
            });
            chunk.start();
            chunk.join(30_000);
            assertThat(chunk.isAlive()).as("the lowered backlog thread does not wait for the express step").isFalse();
        } finally {
            gate.leave();
        }
        assertThat(lowered).isTrue();
        assertThat(theirs.get()).as("nice value of the backlog thread, ours is %d", ours)
                .isEqualTo(Math.min(19, ours + BacklogThreads.NICER));
        assertThat(begun).hasValue(1);
        assertThat(BacklogThreads.niceness()).as("the thread that made it keeps its priority").isEqualTo(ours);
        assertThat(gate.waitedSeconds()).isZero();
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
