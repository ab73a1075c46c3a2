package io.relais.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * In a cluster each express run records which process manages it (a parameter that does not make a new instance)
 * and runs while that process's gate says so to the other nodes; on one machine it records none.
 */
class ExpressLaneManagerTest {

    private final JobOperator jobOperator = mock(JobOperator.class);
    private final Job job = mock(Job.class);
    private final AtomicReference<JobParameters> started = new AtomicReference<>();
    private final AtomicBoolean managing = new AtomicBoolean();
    private final AtomicBoolean startedWhileManaging = new AtomicBoolean();

    @Test
    void inAClusterEachExpressRunNamesItsManagerAndRunsWhileTheGateSaysItManagesIt() throws Exception {
        RunGate gate = new RunGate() {
            @Override
            public <T> T exclusively(Supplier<T> run) {
                return run.get();
            }

            @Override
            public String expressManager() {
                return "relais-express-manager:process-a";
            }

            @Override
            public <T> T managingExpress(Supplier<T> run) {
                managing.set(true);
                try {
                    return run.get();
                } finally {
                    managing.set(false);
                }
            }
        };

        runOneArticle(gate);

        assertThat(started.get().getString(LocalizeSteps.MANAGER)).isEqualTo("relais-express-manager:process-a");
        assertThat(started.get().getParameter(LocalizeSteps.MANAGER).identifying())
                .as("the manager does not make a new job instance").isFalse();
        assertThat(started.get().getIdentifyingParameters()).extracting(JobParameter::name)
                .containsExactlyInAnyOrder(LocalizeSteps.ARTICLES, "queued.at");
        assertThat(startedWhileManaging).as("the run started while the gate said it is managed here").isTrue();
        assertThat(managing).as("and stopped saying so when it ended").isFalse();
    }

    @Test
    void onOneMachineAnExpressRunNamesNoManager() throws Exception {
        runOneArticle(null);

        assertThat(started.get().getString(LocalizeSteps.MANAGER)).isNull();
        assertThat(started.get().getString(LocalizeSteps.ARTICLES)).isEqualTo("42");
    }

    private void runOneArticle(RunGate gate) throws Exception {
        when(jobOperator.start(eq(job), any(JobParameters.class))).thenAnswer(call -> {
            started.set(call.getArgument(1));
            startedWhileManaging.set(managing.get());
            JobExecution execution = new JobExecution(1, new JobInstance(1, LocalizeSteps.EXPRESS_JOB),
                    call.getArgument(1));
            execution.setStatus(BatchStatus.COMPLETED);
            return execution;
        });
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (gate != null) {
            beans.registerSingleton("gate", gate);
        }
        BatchSettings settings = new BatchSettings(Duration.ofSeconds(10), true, "-", 1, 0, 3, 10_000, 20_000,
                Duration.ofSeconds(30), null);
        try (ExpressLane lane = new ExpressLane(jobOperator, job, settings, beans.getBeanProvider(MeterRegistry.class),
                beans.getBeanProvider(RunGate.class))) {
            assertThat(lane.accept(42)).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (started.get() == null || !lane.idle()) {
                assertThat(System.nanoTime()).as("the lane ran the article").isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }
}
