package io.relais.publish.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
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

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;

import io.relais.http.ApiProblem;
import io.relais.publish.FeedView.ContentMode;
import io.relais.publish.PartnerFilters;
import io.relais.publish.PartnerRefused;
import io.relais.publish.Partners;
import io.relais.publish.PublicationPolicy;

/**
 * {@code /api/partners} (administrators): add a partner ({@code POST}, the answer holds its token and feed URLs,
 * the only time they are shown), list them with their figures, edit languages, publication policy ({@code reviewed}
 * or {@code machine}) and filters ({@code PUT}), rotate
 * the token ({@code POST .../token}), revoke it ({@code DELETE}).
 */
@RestController
@RequestMapping("/api/partners")
class PartnersController {

    /**
     * A partner as an administrator writes it. A member it does not know is refused, not ignored: a misspelt
     * {@code "filter"} or {@code "keyword"} would otherwise give the partner every entry.
     */
    record PartnerRequest(String name, List<String> languages, String policy, FiltersRequest filters,
                          @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {

        PublicationPolicy publicationPolicy() {
            try {
                return policy == null ? null : PublicationPolicy.of(policy);
            } catch (IllegalArgumentException e) {
                throw new PartnerRefused(e.getMessage());
            }
        }

        /** The filters asked for (null: none given), once the whole request is known to hold only known members. */
        PartnerFilters partnerFilters() {
            refuseUnknown("", unknown, "name, languages, policy, filters");
            return filters == null ? null : filters.toFilters();
        }
    }

    /**
     * The filters as written: an empty list is no restriction, so a list that only looks full (a {@code null}, a
     * blank word) is refused rather than read as "everything".
     */
    record FiltersRequest(List<Long> sources, List<String> categories, List<String> keywords, String content,
                          Boolean bilingual, Boolean resurface,
                          @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {

        PartnerFilters toFilters() {
            refuseUnknown("filters.", unknown, "sources, categories, keywords, content, bilingual, resurface");
            if (sources != null && sources.contains(null)) {
                throw new PartnerRefused("filters.sources: source ids, no null");
            }
            refuseBlank("filters.categories", categories);
            refuseBlank("filters.keywords", keywords);
            ContentMode mode;
            try {
                mode = content == null ? ContentMode.FULL : ContentMode.valueOf(content.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new PartnerRefused("filters.content: one of title, summary, full (not '" + content + "')");
            }
            return new PartnerFilters(sources, categories, keywords, mode, Boolean.TRUE.equals(bilingual),
                    Boolean.TRUE.equals(resurface));
        }
    }

    private static void refuseUnknown(String prefix, Map<String, Object> unknown, String known) {
        if (unknown != null && !unknown.isEmpty()) {
            throw new PartnerRefused(prefix + unknown.keySet().iterator().next() + ": unknown (known: " + known + ")");
        }
    }

    private static void refuseBlank(String field, List<String> terms) {
        if (terms != null && terms.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new PartnerRefused(field + ": words, none empty or null");
        }
    }

    private final Partners partners;

    PartnersController(Partners partners) {
        this.partners = partners;
    }

    @GetMapping
    List<PartnerView> list() {
        return partners.list().stream().map(PartnerView::of).toList();
    }

    @GetMapping("/{id}")
    PartnerView show(@PathVariable long id) {
        return partners.find(id).map(PartnerView::of).orElseThrow(() -> notFound(id));
    }

    @PostMapping
    ResponseEntity<IssuedPartner> create(@RequestBody PartnerRequest request) {
        Partners.IssuedToken issued = partners.create(request.name(), request.languages(), request.publicationPolicy(),
                request.partnerFilters());
        return ResponseEntity.created(URI.create("/api/partners/" + issued.partner().id())).body(IssuedPartner.of(issued));
    }

    @PutMapping("/{id}")
    PartnerView update(@PathVariable long id, @RequestBody PartnerRequest request) {
        return partners.update(id, request.name(), request.languages(), request.publicationPolicy(),
                        request.partnerFilters())
                .map(PartnerView::of).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/token")
    IssuedPartner rotate(@PathVariable long id) {
        return partners.rotate(id).map(IssuedPartner::of).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    PartnerView revoke(@PathVariable long id) {
        return partners.revoke(id).map(PartnerView::of).orElseThrow(() -> notFound(id));
    }

    /** A partner the rules refuse (anything else, an id that is not a number included, is said as every API says it). */
    @ExceptionHandler(PartnerRefused.class)
    ProblemDetail invalid(PartnerRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid partner");
        return problem;
    }

    /** An unknown partner is a 404 problem detail, like every API error. */
    private static ApiProblem notFound(long id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "no partner " + id);
    }
}
