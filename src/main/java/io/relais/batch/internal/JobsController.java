package io.relais.batch.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.relais.article.Translations;
import io.relais.batch.LocalizeRuns;

/** {@code POST /api/jobs/localize} starts a run; {@code GET /api/jobs} lists runs with their per-language counts. */
@RestController
@RequestMapping("/api/jobs")
class JobsController {

    private final LocalizeRuns runs;
    private final JobRepository jobRepository;
    private final Translations translations;

    JobsController(LocalizeRuns runs, JobRepository jobRepository, Translations translations) {
        this.runs = runs;
        this.jobRepository = jobRepository;
        this.translations = translations;
    }

    @PostMapping("/localize")
    ResponseEntity<Map<String, Object>> startLocalize() throws InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            long id = runs.startSoon().get(5, TimeUnit.SECONDS);
            body.put("id", id);
            body.put("status", "STARTED");
            body.put("location", "/api/jobs/" + id);
        } catch (TimeoutException | ExecutionException e) {
            body.put("status", "QUEUED");   // a run is in progress; this one starts when it ends
        }
        body.put("runs", "/api/jobs");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(defaultValue = "20") int limit) {
        List<Map<String, Object>> list = new ArrayList<>();
        List<JobExecution> executions = new ArrayList<>();
        for (JobInstance instance : jobRepository.getJobInstances(LocalizeJobConfiguration.JOB_NAME, 0, Math.min(limit, 200))) {
            executions.addAll(jobRepository.getJobExecutions(instance));
        }
        executions.sort(Comparator.comparing(JobExecution::getId).reversed());
        for (JobExecution execution : executions.subList(0, Math.min(limit, executions.size()))) {
            list.add(describe(execution));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runs", list);
        body.put("translations", translations.countsByLanguage());
        return body;
    }

    private static Map<String, Object> describe(JobExecution execution) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", execution.getId());
        run.put("instance", execution.getJobInstance().getInstanceId());
        run.put("status", execution.getStatus().name());
        run.put("exitCode", execution.getExitStatus().getExitCode());
        run.put("startTime", format(execution.getStartTime()));
        run.put("endTime", format(execution.getEndTime()));
        Map<String, Object> languages = new LinkedHashMap<>();
        long read = 0;
        long written = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            if (!step.getStepName().startsWith(LocalizeJobConfiguration.WORKER_STEP)) {
                continue;
            }
            String lang = step.getExecutionContext().containsKey(LanguagePartitioner.LANG)
                    ? step.getExecutionContext().getString(LanguagePartitioner.LANG) : step.getStepName();
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("status", step.getStatus().name());
            counts.put("read", step.getReadCount());
            counts.put("written", step.getWriteCount());
            counts.put("skipped", step.getSkipCount());
            counts.put("commits", step.getCommitCount());
            long segments = step.getExecutionContext().getLong(LocalizeProcessor.SEGMENTS, 0);
            long hits = step.getExecutionContext().getLong(LocalizeProcessor.MEMORY_HITS, 0);
            counts.put("segments", segments);
            counts.put("memoryHits", hits);
            counts.put("memoryHitRate", segments == 0 ? 0.0 : Math.round(1000.0 * hits / segments) / 1000.0);
            languages.put(lang, counts);
            read += step.getReadCount();
            written += step.getWriteCount();
        }
        run.put("read", read);
        run.put("written", written);
        run.put("languages", languages);
        return run;
    }

    private static String format(LocalDateTime time) {
        return time == null ? null : time.toString();
    }
}
