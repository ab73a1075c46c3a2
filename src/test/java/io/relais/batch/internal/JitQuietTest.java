package io.relais.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.CompilationMXBean;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

/** The warm-up's second phase ends when the JIT has gone quiet on its texts, not before it has read them all once. */
class JitQuietTest {

    final AtomicLong compiledMs = new AtomicLong();

    CompilationMXBean jit(boolean measured) {
        return new CompilationMXBean() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public boolean isCompilationTimeMonitoringSupported() {
                return measured;
            }

            @Override
            public long getTotalCompilationTime() {
                return compiledMs.get();
            }

            @Override
            public ObjectName getObjectName() {
                return null;
            }
        };
    }

    @Test
    void quietOnlyAfterTwentyTextsDuringWhichTheJitCompiledUnderATenthOfASecond() {
        ExpressWarmUp.JitQuiet quiet = new ExpressWarmUp.JitQuiet(jit(true), 31);
        int done = 0;
        for (; done < 40; done++) {
            compiledMs.addAndGet(30);   // compiling: never quiet
            assertThat(quiet.after(done + 1)).isFalse();
        }
        for (int i = 1; i < ExpressWarmUp.QUIET_TEXTS; i++) {
            compiledMs.addAndGet(4);
            assertThat(quiet.after(++done)).as("text %d of the quiet run", i).isFalse();
        }
        compiledMs.addAndGet(4);
        assertThat(quiet.after(++done)).isTrue();   // 20 texts, 80 ms
    }

    @Test
    void neverQuietBeforeEveryTextWasReadOnceNorWhereTheJvmDoesNotMeasure() {
        ExpressWarmUp.JitQuiet early = new ExpressWarmUp.JitQuiet(jit(true), 31);
        ExpressWarmUp.JitQuiet unmeasured = new ExpressWarmUp.JitQuiet(jit(false), 1);
        for (int done = 1; done < 31; done++) {
            assertThat(early.after(done)).isFalse();
        }
        assertThat(early.after(31)).isTrue();
        for (int done = 1; done < 100; done++) {
            assertThat(unmeasured.after(done)).isFalse();
        }
    }
}
