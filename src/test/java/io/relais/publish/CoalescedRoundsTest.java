package io.relais.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The feeds' republish per language: events during a round make one more round, never one each, and none is lost. */
class CoalescedRoundsTest {

    @Test
    void callersDuringARoundMakeOneMoreRoundAndGoAwayAtOnce() {
        CoalescedRounds rounds = new CoalescedRounds();
        assertThat(rounds.start("es")).as("the first caller runs the round").isTrue();
        assertThat(rounds.start("es")).as("a caller during the round goes away").isFalse();
        assertThat(rounds.start("es")).as("and so does the next: one round pending, not two").isFalse();
        assertThat(rounds.start("ca")).as("another language is not held up").isTrue();
        assertThat(rounds.again("es")).as("one more round for those who came").isTrue();
        assertThat(rounds.again("es")).as("nobody came during it: idle").isFalse();
        assertThat(rounds.start("es")).as("the next caller runs again").isTrue();
        rounds.abandon("es");
        assertThat(rounds.start("es")).as("a failed round leaves the language free for the next caller").isTrue();
    }

    @Test
    void everyChangeIsSeenByARoundThatBeganAfterIt() throws Exception {
        CoalescedRounds rounds = new CoalescedRounds();
        AtomicLong published = new AtomicLong();   // what the language's set holds: the latest change
        AtomicLong exported = new AtomicLong();    // what the last round read
        AtomicInteger roundsRun = new AtomicInteger();
        int changes = 2_000;
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 1; i <= changes; i++) {
            long change = i;
            done.add(callers.submit(() -> {
                published.accumulateAndGet(change, Math::max);   // the change commits, then its event arrives
                if (rounds.start("es")) {
                    do {
                        roundsRun.incrementAndGet();
                        exported.accumulateAndGet(published.get(), Math::max);
                    } while (rounds.again("es"));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        callers.shutdown();
        assertThat(exported.get()).as("the last change reached the feeds").isEqualTo(changes);
        assertThat(roundsRun.get()).as("no more rounds than changes").isLessThanOrEqualTo(changes);
    }
}
