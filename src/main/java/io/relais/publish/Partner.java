package io.relais.publish;

import java.time.OffsetDateTime;
import java.util.List;

import io.relais.translation.PublishedEntry;

/**
 * A partner site: the languages it may read, what it publishes ({@link PublicationPolicy}), its filters, whether its
 * token was revoked, and how it polls (last fetch, fetches, how many of them were answered 304 Not Modified). The
 * token itself is never kept.
 */
public record Partner(long id, String name, List<String> languages, PublicationPolicy policy, PartnerFilters filters,
                      boolean revoked, OffsetDateTime createdAt, OffsetDateTime tokenRotatedAt,
                      OffsetDateTime lastFetchAt, long fetches, long notModified) {

    public Partner {
        policy = policy == null ? PublicationPolicy.REVIEWED : policy;
        filters = filters == null ? PartnerFilters.NONE : filters;
    }

    /** Share of fetches answered 304, 0 to 1 (0 without fetches). */
    public double notModifiedShare() {
        return fetches == 0 ? 0 : (double) notModified / fetches;
    }

    /** True when the partner's feed of a language carries this entry: its policy and its filters allow it. */
    public boolean accepts(PublishedEntry entry) {
        return policy.accepts(entry) && filters.accepts(entry);
    }
}
