package io.relais.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

import io.relais.batch.internal.AbandonedRunRecovery;
import io.relais.batch.internal.JobStartRetry;
import io.relais.batch.internal.LocalizeRunTracker;
import io.relais.batch.internal.RunSummaries;
import io.relais.ingest.ArticleIngested;

/**
 * Starts localize runs (the backlog job), one at a time: right away (API), a short while after articles arrive that
 * the express lane did not take (debounced, so that a polled feed of 300 items makes one run, not 300), and on the
 * configured schedule.
 */
@Service
public class LocalizeRuns implements AutoCloseable, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(LocalizeRuns.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job localizeJob;
    private final LocalizeRunTracker tracker;
    private final Duration debounce;
    private final boolean runAfterIngest;
    private final String schedule;
    private final RunGate gate;
    private final ExpressLane express;
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "localize-runner");
        t.setDaemon(true);
        return t;
    });
    private final Object runLock = new Object();
    private ScheduledFuture<?> debounced;

    LocalizeRuns(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("localizeJob") Job localizeJob,
                 LocalizeRunTracker tracker, BatchSettings settings, ObjectProvider<RunGate> gate, ExpressLane express) {
        this.gate = gate.getIfAvailable(() -> RunGate.IN_PROCESS);
        this.express = express;
        express.onHandOver(this::requestDebounced);
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.localizeJob = localizeJob;
        this.tracker = tracker;
        this.debounce = settings.debounce();
        this.runAfterIngest = settings.runAfterIngest();
        this.schedule = settings.schedule();
    }

    /** Runs the job on the calling thread (after any run in progress) and returns the finished execution. */
    public JobExecution runNow() {
        synchronized (runLock) {
            return start();
        }
    }

    private JobExecution start() {
        try {
            // in a cluster the gate also waits for a run started by another node
            JobExecution execution = gate.exclusively(this::startNextInstance);
            log.info("Localize run #{} ended {}", execution.getId(), execution.getStatus());
            return execution;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a localize run: " + e.getMessage(), e);
        }
    }

    private JobExecution startNextInstance() {
        try {
            return JobStartRetry.start(() -> jobOperator.startNextInstance(localizeJob));
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Restarts a failed or stopped run: only what it had not finished is done. Through the gate, as a new run: in a
     * cluster it waits for another node's run and is known to be managed here.
     */
    public JobExecution restart(long executionId) {
        synchronized (runLock) {
            return gate.exclusively(() -> restartLocked(executionId));
        }
    }

    private JobExecution restartLocked(long executionId) {
        JobExecution failed = jobRepository.getJobExecution(executionId);
        if (failed == null) {
            throw new IllegalArgumentException("no run #" + executionId);
        }
        try {
            JobExecution execution = jobOperator.restart(failed);
            log.info("Localize run #{} (restart of #{}) ended {}", execution.getId(), executionId, execution.getStatus());
            return execution;
        } catch (Exception e) {
            throw new IllegalStateException("cannot restart run #" + executionId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Marks ABANDONED, with the reason, every localize run the job repository shows running: for a cluster's run whose
     * manager is known to be gone (see the cluster module), so that the next run neither waits for it nor counts it
     * as going on. Their slices still queued are then dropped by the workers; what they left is done by the next run.
     */
    public List<Long> abandonRunning(String reason) {
        List<Long> abandoned = new ArrayList<>();
        for (JobExecution execution : jobRepository.findRunningJobExecutions(LocalizeSteps.JOB_NAME)) {
            AbandonedRunRecovery.abandon(jobRepository, execution, reason);
            abandoned.add(execution.getId());
        }
        return abandoned;
    }

    /**
     * Marks ABANDONED, with the reason, an express run the job repository shows running: a cluster's run whose manager
     * is known to be gone (see the cluster module). Its partitions still queued are then dropped by the workers, and
     * its manager, should it come back, stops waiting for them; what its articles still miss is left to a backlog run
     * ({@link #startSoon()}).
     */
    public void abandonExpress(JobExecution execution, String reason) {
        AbandonedRunRecovery.abandon(jobRepository, execution, reason);
    }

    /** Queues a run; the future completes with its execution id once it has started. */
    public CompletableFuture<Long> startSoon() {
        CompletableFuture<Long> started = new CompletableFuture<>();
        runner.execute(() -> {
            tracker.expectStart().whenComplete((id, e) -> started.complete(id));
            runQuietly();
        });
        return started;
    }

    /** The latest runs, newest first, with their progress per language. */
    public List<RunSummary> recent(int limit) {
        return RunSummaries.summaries(jobRepository, limit);
    }

    /** The express lane's latest runs (one per article, or group of articles that arrived together), newest first. */
    public List<RunSummary> recentExpress(int limit) {
        return RunSummaries.summaries(jobRepository, LocalizeSteps.EXPRESS_JOB, limit);
    }

    /**
     * After the article's transaction committed (the run must find it), on a thread of its own: the express lane
     * takes it at once; when the lane is off or full, a backlog run starts a while after the last arrival.
     */
    @ApplicationModuleListener
    void onArticleIngested(ArticleIngested event) {
        if (runAfterIngest && !express.accept(event.articleId())) {
            requestDebounced();
        }
    }

    /** Whether a debounced run is waiting for its delay or still running. */
    public synchronized boolean debouncedRunPending() {
        return debounced != null && !debounced.isDone();
    }

    /** Whether the express lane has nothing waiting and no run going on. */
    public boolean expressIdle() {
        return express.idle();
    }

    /** A run {@code debounce} after the last request. */
    public synchronized void requestDebounced() {
        if (debounced != null) {
            debounced.cancel(false);
        }
        debounced = runner.schedule(this::runQuietly, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Scheduled runs on the cron {@code relais.batch.schedule} ({@code -}: none). */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!Scheduled.CRON_DISABLED.equals(schedule)) {
            registrar.addCronTask(this::onSchedule, schedule);
        }
    }

    void onSchedule() {
        if (gate.startsScheduledRuns()) { // in a cluster, only the elected node starts scheduled runs
            runner.execute(this::runQuietly);
        }
    }

    private void runQuietly() {
        try {
            runNow();
        } catch (RuntimeException e) {
            log.error("Localize run failed to start: {}", e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
