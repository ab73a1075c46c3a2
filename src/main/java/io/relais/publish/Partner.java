package io.relais.publish;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A partner site: the languages it may read, its filters, whether its token was revoked, and how it polls
 * (last fetch, fetches, how many of them were answered 304 Not Modified). The token itself is never kept.
 */
public record Partner(long id, String name, List<String> languages, PartnerFilters filters, boolean revoked,
                      OffsetDateTime createdAt, OffsetDateTime tokenRotatedAt, OffsetDateTime lastFetchAt,
                      long fetches, long notModified) {

    /** Share of fetches answered 304, 0 to 1 (0 without fetches). */
    public double notModifiedShare() {
        return fetches == 0 ? 0 : (double) notModified / fetches;
    }
}
