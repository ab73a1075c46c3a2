package io.relais.batch.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.relais.batch.ExpressLane;
import io.relais.batch.LocalizeRuns;
import io.relais.batch.RunSummary;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;

/**
 * {@code POST /api/jobs/localize} starts a run; {@code GET /api/jobs} lists the backlog's runs and the express lane's
 * with their per-language counts.
 */
@RestController
@RequestMapping("/api/jobs")
class JobsController {

    /** A run asked for: started (with its id and location) or queued behind the run in progress (null fields are left out). */
    record StartedRun(Long id, String status, String location, String runs) {
    }

    record RestartingRun(long restarting, String runs) {
    }

    /** The backlog's runs, the express lane's (with the articles waiting for it), and the translations' states. */
    record Runs(List<RunSummary> runs, List<RunSummary> express, int expressWaiting,
                Map<String, Map<TranslationState, Long>> translations) {
    }

    private final LocalizeRuns runs;
    private final ExpressLane express;
    private final Translations translations;

    JobsController(LocalizeRuns runs, ExpressLane express, Translations translations) {
        this.runs = runs;
        this.express = express;
        this.translations = translations;
    }

    @PostMapping("/localize")
    ResponseEntity<StartedRun> startLocalize() throws InterruptedException {
        StartedRun body;
        try {
            long id = runs.startSoon().get(5, TimeUnit.SECONDS);
            body = new StartedRun(id, "STARTED", "/api/jobs/" + id, "/api/jobs");
        } catch (TimeoutException | ExecutionException e) {
            body = new StartedRun(null, "QUEUED", null, "/api/jobs");   // a run is in progress; this one starts when it ends
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    /** Restarts a failed or stopped run in the background: only what it had not finished is done. */
    @PostMapping("/{id}/restart")
    ResponseEntity<RestartingRun> restart(@PathVariable long id) {
        CompletableFuture.runAsync(() -> runs.restart(id));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new RestartingRun(id, "/api/jobs"));
    }

    @GetMapping
    Runs list(@RequestParam(defaultValue = "20") int limit) {
        return new Runs(runs.recent(limit), runs.recentExpress(limit), express.waiting(), translations.countsByLanguage());
    }
}
