package io.relais.terminology.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.relais.terminology.Glossary;
import io.relais.terminology.GlossaryTerm;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.relais.http.ApiProblem;

/**
 * {@code /api/glossary}: list ({@code ?target=en}), add or replace ({@code PUT} with {@code target}, {@code source},
 * optional {@code translation}; none means do not translate), delete ({@code DELETE /api/glossary/{id}}).
 */
@RestController
@RequestMapping("/api/glossary")
class GlossaryController {

    record TermRequest(@NotBlank @Pattern(regexp = "\\*|[a-z]{2,3}") String target,
                       @NotBlank @Size(max = 300) String source,
                       @Size(max = 300) String translation) {
    }

    private final Glossary glossary;

    GlossaryController(Glossary glossary) {
        this.glossary = glossary;
    }

    @GetMapping
    List<GlossaryTerm> list(@RequestParam(required = false) String target) {
        return glossary.all().stream().filter(t -> target == null || t.targetLang().equals(target)
                || t.targetLang().equals("*")).toList();
    }

    @PutMapping
    GlossaryTerm put(@Valid @RequestBody TermRequest request) {
        String translation = request.translation() == null || request.translation().isBlank() ? null
                : request.translation().strip();
        return glossary.put(request.target(), request.source().strip(), translation);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!glossary.delete(id)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "no glossary term " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
