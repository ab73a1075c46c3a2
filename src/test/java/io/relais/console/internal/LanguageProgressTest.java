package io.relais.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.relais.batch.RunSummary.LanguageRun;

class LanguageProgressTest {

    private static LanguageRun step(String status, long read, long written) {
        return new LanguageRun(status, read, written, 0, 1, 0, 0, 0);
    }

    @Test
    void aRunningLanguageCountsWhatItWroteAgainstWhatItWroteAndWhatStillWaits() {
        var progress = ConsoleRunsPages.LanguageProgress.of("es", step("STARTED", 4, 3), true, 7);
        assertThat(progress.done()).isEqualTo(3);
        assertThat(progress.total()).isEqualTo(10);
        assertThat(progress.percent()).isEqualTo(30);
        assertThat(progress.idle()).isFalse();
    }

    @Test
    void anEndedLanguageCountsWhatItReadAndOneWithNothingToDoIsIdleNotFull() {
        assertThat(ConsoleRunsPages.LanguageProgress.of("ca", step("COMPLETED", 5, 5), false, 0).percent()).isEqualTo(100);
        var idle = ConsoleRunsPages.LanguageProgress.of("en", step("COMPLETED", 0, 0), false, 12);
        assertThat(idle.idle()).isTrue();
        assertThat(idle.percent()).isZero();
    }
}
