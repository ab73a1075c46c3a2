package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.relais.article.Source;
import io.relais.batch.LocalizeSteps;
import io.relais.batch.internal.AbandonedRunRecovery;

/**
 * A process killed during a run leaves it STARTED in the job repository; at the next start that run is marked
 * ABANDONED with the reason and the work it left is done without anyone asking.
 */
class CrashResumeTest extends StoredArticlesTest {

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AbandonedRunRecovery recovery;

    @Test
    void aRunLeftStartedByADeadProcessIsMarkedAbandonedAtStartAndItsPendingWorkCompletesWithinAMinute()
            throws InterruptedException {
        quiesce(runs);
        Source source = sources.register("test:crash-resume", Source.Kind.API, "crash resume", 0);
        List<Long> ids = new ArrayList<>();
        for (String town : List.of("Vannes", "Lorient")) {
            ids.add(store(source, "crash-" + town, "Le port de " + town + " accueille un nouveau ferry",
                    "<p>Le port de " + town + " accueille depuis lundi un nouveau ferry pour les îles.</p>"));
        }
        JobExecution dead = runLeftStartedByAKilledProcess();

        recovery.onStart();   // what the service does when it is ready

        JobExecution after = jobRepository.getJobExecution(dead.getId());
        assertThat(after.getStatus()).isEqualTo(BatchStatus.ABANDONED);
        assertThat(after.getExitStatus().getExitCode()).isEqualTo("ABANDONED");
        assertThat(after.getExitStatus().getExitDescription()).contains("stopped before it ended");
        assertThat(after.getEndTime()).isNotNull();
        assertThat(after.getStepExecutions()).allMatch(s -> s.getStatus() == BatchStatus.ABANDONED);
        assertThat(get("/api/jobs").body()).contains("\"id\":" + dead.getId()).contains("stopped before it ended");

        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && !allTranslated(ids)) {
            Thread.sleep(250);
        }
        assertThat(allTranslated(ids)).as("the pending work was done within a minute, without a manual start").isTrue();
        assertThat(jobRepository.findRunningJobExecutions(LocalizeSteps.JOB_NAME))
                .noneMatch(e -> e.getId() == dead.getId());
    }

    /** A run as a killed process leaves it: STARTED, a partition STARTED, created before this process started. */
    private JobExecution runLeftStartedByAKilledProcess() {
        JobParameters parameters = new JobParametersBuilder().addLong("run.id", System.nanoTime()).toJobParameters();
        JobInstance instance = jobRepository.createJobInstance(LocalizeSteps.JOB_NAME, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(LocalDateTime.now());
        jobRepository.update(execution);
        StepExecution step = jobRepository.createStepExecution(LocalizeSteps.WORKER_STEP + ":lang-es", execution);
        step.setStatus(BatchStatus.STARTED);
        step.setStartTime(LocalDateTime.now());
        jobRepository.update(step);
        jdbc.sql("update batch_job_execution set create_time = ? where job_execution_id = ?")
                .params(LocalDateTime.now().minusDays(1), execution.getId()).update();
        return execution;
    }

    private boolean allTranslated(List<Long> ids) {
        return ids.stream().allMatch(id -> LANGUAGES.stream()
                .allMatch(lang -> translations.find(id, 1, lang).isPresent()));
    }
}
