package io.relais.batch.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.relais.translation.Translations;
import io.relais.batch.LocalizeRuns;

/** {@code POST /api/jobs/localize} starts a run; {@code GET /api/jobs} lists runs with their per-language counts. */
@RestController
@RequestMapping("/api/jobs")
class JobsController {

    private final LocalizeRuns runs;
    private final Translations translations;

    JobsController(LocalizeRuns runs, Translations translations) {
        this.runs = runs;
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

    /** Restarts a failed or stopped run in the background: only what it had not finished is done. */
    @PostMapping("/{id}/restart")
    ResponseEntity<Map<String, Object>> restart(@org.springframework.web.bind.annotation.PathVariable long id) {
        java.util.concurrent.CompletableFuture.runAsync(() -> runs.restart(id));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("restarting", id, "runs", "/api/jobs"));
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(defaultValue = "20") int limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runs", runs.recent(limit));
        body.put("translations", translations.countsByLanguage());
        return body;
    }

}
