package io.relais.publish.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.relais.publish.FeedView.ContentMode;
import io.relais.publish.Partner;
import io.relais.publish.PartnerFilters;
import io.relais.publish.Partners;

/**
 * {@code /api/partners} (administrators): add a partner ({@code POST}, the answer holds its token and feed URLs,
 * the only time they are shown), list them with their figures, edit languages and filters ({@code PUT}), rotate
 * the token ({@code POST .../token}), revoke it ({@code DELETE}).
 */
@RestController
@RequestMapping("/api/partners")
class PartnersController {

    record PartnerRequest(String name, List<String> languages, FiltersRequest filters) {
    }

    record FiltersRequest(List<Long> sources, List<String> categories, List<String> keywords, Boolean reviewedOnly,
                          String content, Boolean bilingual) {

        PartnerFilters toFilters() {
            ContentMode mode;
            try {
                mode = content == null ? ContentMode.FULL : ContentMode.valueOf(content.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("filters.content: one of title, summary, full (not '" + content + "')");
            }
            return new PartnerFilters(sources, categories, keywords, Boolean.TRUE.equals(reviewedOnly), mode,
                    Boolean.TRUE.equals(bilingual));
        }
    }

    private final Partners partners;

    PartnersController(Partners partners) {
        this.partners = partners;
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return partners.list().stream().map(PartnersController::describe).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<Map<String, Object>> show(@PathVariable long id) {
        return partners.find(id).map(p -> ResponseEntity.ok(describe(p))).orElseGet(() -> notFound(id));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody PartnerRequest request) {
        Partners.IssuedToken issued = partners.create(request.name(), request.languages(),
                request.filters() == null ? null : request.filters().toFilters());
        return ResponseEntity.created(URI.create("/api/partners/" + issued.partner().id())).body(issued(issued));
    }

    @PutMapping("/{id}")
    ResponseEntity<Map<String, Object>> update(@PathVariable long id, @RequestBody PartnerRequest request) {
        return partners.update(id, request.name(), request.languages(),
                        request.filters() == null ? null : request.filters().toFilters())
                .map(p -> ResponseEntity.ok(describe(p))).orElseGet(() -> notFound(id));
    }

    @PostMapping("/{id}/token")
    ResponseEntity<Map<String, Object>> rotate(@PathVariable long id) {
        return partners.rotate(id).map(t -> ResponseEntity.ok(issued(t))).orElseGet(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Map<String, Object>> revoke(@PathVariable long id) {
        return partners.revoke(id).map(p -> ResponseEntity.ok(describe(p))).orElseGet(() -> notFound(id));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid partner");
        return problem;
    }

    private static ResponseEntity<Map<String, Object>> notFound(long id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no partner " + id));
    }

    private static Map<String, Object> issued(Partners.IssuedToken issued) {
        Map<String, Object> out = describe(issued.partner());
        out.put("token", issued.token());
        out.put("feeds", issued.feeds());
        out.put("note", "the token is shown only now: Relais keeps only its hash");
        return out;
    }

    static Map<String, Object> describe(Partner p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("name", p.name());
        out.put("languages", p.languages());
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("sources", p.filters().sources());
        filters.put("categories", p.filters().categories());
        filters.put("keywords", p.filters().keywords());
        filters.put("reviewedOnly", p.filters().reviewedOnly());
        filters.put("content", p.filters().content().name().toLowerCase(java.util.Locale.ROOT));
        filters.put("bilingual", p.filters().bilingual());
        out.put("filters", filters);
        out.put("revoked", p.revoked());
        out.put("createdAt", p.createdAt());
        out.put("tokenRotatedAt", p.tokenRotatedAt());
        out.put("lastFetchAt", p.lastFetchAt());
        out.put("fetches", p.fetches());
        out.put("notModified", p.notModified());
        out.put("notModifiedShare", Math.round(p.notModifiedShare() * 1000) / 1000.0);
        return out;
    }
}
