package io.relais.batch.internal;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.relais.batch.ExpressLane;
import io.relais.batch.LocalizeSteps;
import io.relais.batch.RunGate;
import io.relais.translation.Translations;
import io.relais.batch.LocalizeRuns;
import io.relais.batch.BatchSettings;
import io.relais.translation.TargetLanguages;

/**
 * After a crash ({@code kill -9}, power loss) the job repository still says the interrupted run is STARTED, and
 * nothing would run the rest of its work until the next scheduled run. At start-up, before anything else runs,
 * runs left running by a process that no longer exists are marked ABANDONED with the reason, and a run is started
 * at once for whatever still waits: what the dead run had stored is not done again (the reader only reads pending
 * work, the writer replaces rather than duplicates). An express run left running is marked FAILED and restarted
 * by the express lane, ahead of the backlog: it does only what its articles still miss.
 */
@Component
public class AbandonedRunRecovery {

    private static final Logger log = LoggerFactory.getLogger(AbandonedRunRecovery.class);
    static final String EXIT_CODE = "ABANDONED";

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final ExpressLane lane;
    private final LocalizeRuns runs;
    private final Translations translations;
    private final List<String> languages;
    private final int maxAttempts;
    private final boolean runsOnOtherNodes;

    AbandonedRunRecovery(JobRepository jobRepository, JobOperator jobOperator, LocalizeRuns runs, ExpressLane lane,
                         Translations translations, TargetLanguages languages, BatchSettings settings,
                         ObjectProvider<RunGate> gate) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.lane = lane;
        this.runs = runs;
        this.translations = translations;
        this.languages = languages.languages();
        this.maxAttempts = settings.maxAttempts();
        this.runsOnOtherNodes = gate.getIfAvailable(() -> RunGate.IN_PROCESS).runsOnOtherNodes();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        List<Long> abandoned = abandonRunsOfDeadProcesses();
        List<JobExecution> express = recoverExpressRunsOfDeadProcesses();
        if (express.isEmpty() || !lane.enabled()) {
            express = List.of();
        }
        // the express runs go first (the backlog yields to them); the backlog run takes whatever else waits
        express.forEach(lane::restart);
        boolean pending = languages.stream().anyMatch(lang -> translations.countNeedingTranslation(lang, maxAttempts) > 0);
        if (!abandoned.isEmpty() || pending) {
            log.info("Resuming localization at start-up ({} run(s) abandoned, {} express run(s) restarted, work pending: {})",
                    abandoned.size(), express.size(), pending);
            runs.startSoon();
        }
    }

    /**
     * Marks FAILED, with the reason, the express runs still recorded as running that were created before this process
     * started, so that they can be restarted: a restarted run does only what its articles still miss. In cluster mode
     * another node may be running them, so they are left alone there.
     */
    public List<JobExecution> recoverExpressRunsOfDeadProcesses() {
        if (runsOnOtherNodes) {
            return List.of();
        }
        List<JobExecution> recovered = new ArrayList<>();
        for (JobExecution execution : jobRepository.findRunningJobExecutions(LocalizeSteps.EXPRESS_JOB)) {
            LocalDateTime created = execution.getCreateTime();
            if (created != null && !created.isBefore(processStart())) {
                continue;
            }
            String reason = "the process running it stopped before it ended (found " + execution.getStatus()
                    + " at start-up on " + LocalDateTime.now().withNano(0) + "); restarted for what it left";
            JobExecution failed = jobOperator.recover(execution);
            failed.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
            jobRepository.update(failed);
            recovered.add(failed);
            log.warn("Express run #{} marked FAILED: {}", execution.getId(), reason);
        }
        return recovered;
    }

    private static LocalDateTime processStart() {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()),
                ZoneId.systemDefault());
    }

    /**
     * Marks ABANDONED the localize runs still recorded as running that were created before this process started.
     * In cluster mode another node may be running them, so they are left alone there.
     */
    public List<Long> abandonRunsOfDeadProcesses() {
        if (runsOnOtherNodes) {
            return List.of();
        }
        LocalDateTime thisProcessStarted = processStart();
        List<Long> abandoned = new ArrayList<>();
        for (JobExecution execution : jobRepository.findRunningJobExecutions(LocalizeSteps.JOB_NAME)) {
            LocalDateTime created = execution.getCreateTime();
            if (created != null && !created.isBefore(thisProcessStarted)) {
                continue;   // started by this process: it is alive
            }
            String reason = "the process running it stopped before it ended (found " + execution.getStatus()
                    + " at start-up on " + LocalDateTime.now().withNano(0) + "); its pending work is resumed by a new run";
            abandon(jobRepository, execution, reason);
            abandoned.add(execution.getId());
        }
        return abandoned;
    }

    /** Marks the run, and those of its steps still running, ABANDONED with the reason. */
    public static void abandon(JobRepository jobRepository, JobExecution execution, String reason) {
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.ABANDONED);
                step.setExitStatus(new ExitStatus(EXIT_CODE, reason));
                step.setEndTime(now);
                jobRepository.update(step);
            }
        }
        execution.setStatus(BatchStatus.ABANDONED);
        execution.setExitStatus(new ExitStatus(EXIT_CODE, reason));
        execution.setEndTime(now);
        jobRepository.update(execution);
        boolean express = LocalizeSteps.EXPRESS_JOB.equals(execution.getJobInstance().getJobName());
        log.warn("{} run #{} marked ABANDONED: {}", express ? "Express" : "Localize", execution.getId(), reason);
    }
}
