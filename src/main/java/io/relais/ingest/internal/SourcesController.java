package io.relais.ingest.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
import io.relais.http.ApiProblem;
import io.relais.ingest.SourceManagement;
import io.relais.ingest.SourceRefusedException;
import io.relais.translation.TargetLanguages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * {@code /api/sources}: list sources with their health, add a feed ({@code POST}), edit, pause or resume it
 * ({@code PUT}), delete it ({@code DELETE}, refused with 409 while it has articles: pause it instead). The rules are
 * {@link SourceManagement}'s, the console's too; this class turns its refusals into problem details.
 */
@RestController
@RequestMapping("/api/sources")
class SourcesController {

    record SourceRequest(@Size(max = 2000) String url, @Size(max = 300) String name,
                         Duration pollInterval, Boolean paused, Boolean fetchFullArticle, List<String> languages) {
    }

    private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

    private final Sources sources;
    private final SourceManagement management;
    private final List<String> languages;

    SourcesController(Sources sources, SourceManagement management, TargetLanguages languages) {
        this.sources = sources;
        this.management = management;
        this.languages = languages.languages();
    }

    @GetMapping
    List<SourceView> list() {
        return sources.findAll().stream().map(this::describe).toList();
    }

    @GetMapping("/{id}")
    SourceView show(@PathVariable long id) {
        return sources.find(id).map(this::describe)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "no source " + id));
    }

    @PostMapping
    ResponseEntity<SourceView> create(@Valid @RequestBody SourceRequest request) {
        Source source = refusalsAsProblems(() -> management.add(request.url(), request.name(),
                request.pollInterval() == null ? DEFAULT_INTERVAL : request.pollInterval(),
                Boolean.TRUE.equals(request.fetchFullArticle()), request.languages(),
                Boolean.TRUE.equals(request.paused())));
        return ResponseEntity.created(URI.create("/api/sources/" + source.id())).body(describe(source));
    }

    @PutMapping("/{id}")
    SourceView update(@PathVariable long id, @RequestBody SourceRequest request) {
        return describe(refusalsAsProblems(() -> management.update(id, request.url(), request.name(),
                request.pollInterval(), request.paused(), request.fetchFullArticle(), request.languages())));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        refusalsAsProblems(() -> {
            management.delete(id);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    private SourceView describe(Source s) {
        return SourceView.of(s, management.polling(s.id()), languages);
    }

    /** 400 with the field at fault, 404, or 409 (with the existing source's location for a URL already known). */
    private static <T> T refusalsAsProblems(Supplier<T> change) {
        try {
            return change.get();
        } catch (SourceRefusedException refused) {
            throw switch (refused.kind()) {
                case NOT_FOUND -> new ApiProblem(HttpStatus.NOT_FOUND, refused.getMessage());
                case CONFLICT -> new ApiProblem(HttpStatus.CONFLICT, refused.getMessage(), refused.existingId() == null
                        ? Map.of() : Map.of("location", "/api/sources/" + refused.existingId()));
                case INVALID -> new ApiProblem(HttpStatus.BAD_REQUEST, refused.getMessage(),
                        refused.field() == null ? Map.of() : Map.of("field", refused.field()));
            };
        }
    }
}
