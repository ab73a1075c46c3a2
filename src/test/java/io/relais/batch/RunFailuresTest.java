package io.relais.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunFailuresTest {

    @Test
    void aStoredStackTraceIsSummedUpAsItsFirstMessageAndItsDeepestCause() {
        String trace = """
                org.springframework.batch.core.step.FatalStepExecutionException: Unable to process chunk
                \tat org.springframework.batch.core.step.item.ChunkOrientedStep.doExecute(ChunkOrientedStep.java:42)
                Caused by: org.springframework.dao.DataAccessResourceFailureException: could not write
                \t... 12 more
                Caused by: java.lang.IllegalStateException: injected failure while writing es translations
                \tat io.relais.TranslationWriteFault.beforeWrite(TranslationWriteFault.java:37)
                """;
        assertThat(RunFailures.summary(trace))
                .isEqualTo("Unable to process chunk — injected failure while writing es translations");
    }

    @Test
    void aDescriptionWithoutCauseIsKeptAsItIs() {
        assertThat(RunFailures.summary("Partition handler returned an unsuccessful step"))
                .isEqualTo("Partition handler returned an unsuccessful step");
    }
}
