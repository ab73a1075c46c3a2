package io.relais.batch.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import io.relais.batch.LocalizeSteps;
import io.relais.batch.RunSummary;

/** Reads localize runs and their per-language steps back from Spring Batch's job repository. */
public final class RunSummaries {

    private RunSummaries() {
    }

    public static List<RunSummary> summaries(JobRepository jobRepository, int limit) {
        return summaries(jobRepository, LocalizeSteps.JOB_NAME, limit);
    }

    /** The latest runs of the backlog job ({@link LocalizeSteps#JOB_NAME}) or of the express lane's. */
    public static List<RunSummary> summaries(JobRepository jobRepository, String job, int limit) {
        String workerStep = LocalizeSteps.EXPRESS_JOB.equals(job) ? LocalizeSteps.EXPRESS_STEP : LocalizeSteps.WORKER_STEP;
        List<JobExecution> executions = new ArrayList<>();
        for (JobInstance instance : jobRepository.getJobInstances(job, 0, Math.min(limit, 200))) {
            executions.addAll(jobRepository.getJobExecutions(instance));
        }
        executions.sort(Comparator.comparing(JobExecution::getId).reversed());
        List<RunSummary> list = new ArrayList<>();
        for (JobExecution execution : executions.subList(0, Math.min(limit, executions.size()))) {
            list.add(describe(execution, workerStep));
        }
        return list;
    }

    private static RunSummary describe(JobExecution execution, String workerStep) {
        Map<String, RunSummary.LanguageRun> languages = new LinkedHashMap<>();
        long read = 0;
        long written = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            if (!step.getStepName().startsWith(workerStep)) {
                continue;
            }
            String lang = step.getExecutionContext().containsKey(LocalizeSteps.LANG)
                    ? step.getExecutionContext().getString(LocalizeSteps.LANG) : step.getStepName();
            long segments = step.getExecutionContext().getLong(LocalizeProcessor.SEGMENTS, 0);
            long hits = step.getExecutionContext().getLong(LocalizeProcessor.MEMORY_HITS, 0);
            // in cluster mode a language is split into slices: one line per language, the slices added up
            languages.merge(lang, new RunSummary.LanguageRun(step.getStatus().name(), step.getReadCount(),
                    step.getWriteCount(), step.getSkipCount(), step.getCommitCount(), segments, hits,
                    hitRate(hits, segments)), RunSummaries::addSlice);
            read += step.getReadCount();
            written += step.getWriteCount();
        }
        return new RunSummary(execution.getId(), execution.getJobInstance().getInstanceId(), execution.getStatus().name(),
                execution.getExitStatus().getExitCode(), format(execution.getStartTime()), format(execution.getEndTime()),
                read, written, languages, execution.getExitStatus().getExitDescription().isBlank() ? null
                        : execution.getExitStatus().getExitDescription().lines().findFirst().orElse(null));
    }

    private static RunSummary.LanguageRun addSlice(RunSummary.LanguageRun a, RunSummary.LanguageRun b) {
        long segments = a.segments() + b.segments();
        long hits = a.memoryHits() + b.memoryHits();
        // the language is as far as its least advanced slice (statuses in Spring Batch's order of severity)
        String status = BatchStatus.max(
                BatchStatus.valueOf(a.status()),
                BatchStatus.valueOf(b.status())).name();
        return new RunSummary.LanguageRun(status, a.read() + b.read(), a.written() + b.written(),
                a.skipped() + b.skipped(), a.commits() + b.commits(), segments, hits, hitRate(hits, segments));
    }

    private static double hitRate(long hits, long segments) {
        return segments == 0 ? 0.0 : Math.round(1000.0 * hits / segments) / 1000.0;
    }

    private static String format(LocalDateTime time) {
        return time == null ? null : time.toString();
    }
}
