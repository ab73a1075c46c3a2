package io.relais.ingest.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.relais.article.Source;
import io.relais.article.Sources;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.relais.translation.TargetLanguages;
import io.relais.http.ApiProblem;

/**
 * {@code /api/sources}: list sources with their health, add a feed ({@code POST}), edit, pause or resume it
 * ({@code PUT}), delete it ({@code DELETE}, refused with 409 while it has articles: pause it instead).
 */
@RestController
@RequestMapping("/api/sources")
class SourcesController {

    record SourceRequest(@Size(max = 2000) String url, @Size(max = 300) String name,
                         Duration pollInterval, Boolean paused, Boolean fetchFullArticle, List<String> languages) {
    }

    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final Sources sources;
    private final FeedPollers pollers;
    private final UrlPolicy urlPolicy;
    private final List<String> languages;

    SourcesController(Sources sources, FeedPollers pollers, UrlPolicy urlPolicy,
                      TargetLanguages languages) {
        this.sources = sources;
        this.pollers = pollers;
        this.urlPolicy = urlPolicy;
        this.languages = languages.languages();
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return sources.findAll().stream().map(this::describe).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<Map<String, Object>> show(@PathVariable long id) {
        return sources.find(id).map(s -> ResponseEntity.ok(describe(s)))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "no source " + id));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody SourceRequest request) {
        if (request.url() == null || request.url().isBlank()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "url is required", Map.of("field", "url"));
        }
        String badLanguages = badLanguages(request.languages());
        if (badLanguages != null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, badLanguages, Map.of("field", "languages"));
        }
        String refusal = urlPolicy.refusal(request.url());
        if (refusal != null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, refusal, Map.of("field", "url"));
        }
        if (sources.findByUrl(request.url().strip()).isPresent()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "a source with this URL exists", Map.of("location", "/api/sources/" + sources.findByUrl(request.url().strip()).get().id()));
        }
        Duration interval = request.pollInterval() == null ? Duration.ofMinutes(15) : request.pollInterval();
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "pollInterval must be at least 1 s", Map.of("field", "pollInterval"));
        }
        Source source = sources.create(request.url().strip(), request.name(), (int) interval.toSeconds(),
                Boolean.TRUE.equals(request.fetchFullArticle()));
        if (request.languages() != null) {
            source = sources.updateLanguages(source.id(), request.languages());
        }
        if (Boolean.TRUE.equals(request.paused())) {
            source = sources.update(source.id(), source.name(), source.pollIntervalSeconds(), true, source.fetchFullArticle());
        }
        pollers.sync(source);
        return ResponseEntity.created(URI.create("/api/sources/" + source.id())).body(describe(source));
    }

    @PutMapping("/{id}")
    ResponseEntity<Map<String, Object>> update(@PathVariable long id, @RequestBody SourceRequest request) {
        Source current = sources.find(id).orElse(null);
        if (current == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "no source " + id);
        }
        if (request.url() != null && !request.url().strip().equals(current.url())) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "the URL of a source cannot change: add a new source", Map.of("field", "url"));
        }
        Duration interval = request.pollInterval() == null ? Duration.ofSeconds(current.pollIntervalSeconds())
                : request.pollInterval();
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "pollInterval must be at least 1 s", Map.of("field", "pollInterval"));
        }
        String badLanguages = badLanguages(request.languages());
        if (badLanguages != null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, badLanguages, Map.of("field", "languages"));
        }
        if (request.languages() != null) {
            sources.updateLanguages(id, request.languages());
        }
        Source updated = sources.update(id, request.name() != null ? request.name() : current.name(),
                (int) interval.toSeconds(), request.paused() != null ? request.paused() : current.paused(),
                request.fetchFullArticle() != null ? request.fetchFullArticle() : current.fetchFullArticle());
        pollers.sync(updated);
        return ResponseEntity.ok(describe(updated));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Map<String, Object>> delete(@PathVariable long id) {
        if (sources.find(id).isEmpty()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "no source " + id);
        }
        pollers.stop(id);
        long articles = sources.deleteIfEmpty(id);
        if (articles > 0) {
            sources.find(id).ifPresent(pollers::sync);
            throw new ApiProblem(HttpStatus.CONFLICT, "source " + id + " has " + articles + " articles; pause it instead (PUT {\"paused\": true})");
        }
        return ResponseEntity.noContent().build();
    }

    private String badLanguages(List<String> requested) {
        if (requested == null) {
            return null;
        }
        List<String> unknown = requested.stream().filter(l -> !languages.contains(l)).toList();
        return unknown.isEmpty() ? null : "not target languages of this Relais: " + unknown + " (relais.languages is "
                + languages + ")";
    }

    private Map<String, Object> describe(Source s) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("id", s.id());
        out.put("url", s.url());
        out.put("kind", s.kind().name());
        out.put("name", s.name());
        out.put("pollInterval", Duration.ofSeconds(s.pollIntervalSeconds()).toString());
        out.put("paused", s.paused());
        out.put("polling", s.kind() == Source.Kind.FEED && pollers.polling(s.id()));
        out.put("fetchFullArticle", s.fetchFullArticle());
        out.put("languages", s.languages() == null ? languages : s.languages());
        Map<String, Object> health = new java.util.LinkedHashMap<>();
        health.put("lastPolledAt", s.lastPolledAt());
        health.put("lastSuccessAt", s.lastSuccessAt());
        health.put("lastError", s.lastError());
        health.put("consecutiveFailures", s.consecutiveFailures());
        health.put("nextPollAt", s.nextPollAt());
        out.put("health", health);
        return out;
    }
}
