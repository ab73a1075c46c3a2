package io.relais.publish.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import io.relais.publish.Partner;

/** A partner as {@code /api/partners} shows it: languages, policy, filters and its fetch figures (never its token). */
record PartnerView(long id, String name, List<String> languages, String policy, Filters filters, boolean revoked,
                   OffsetDateTime createdAt, OffsetDateTime tokenRotatedAt, OffsetDateTime lastFetchAt, long fetches,
                   long notModified, double notModifiedShare) {

    /** The filters, with the content mode in lower case as requests give it. */
    record Filters(List<Long> sources, List<String> categories, List<String> keywords, String content,
                   boolean bilingual, boolean resurface) {
    }

    static PartnerView of(Partner p) {
        return new PartnerView(p.id(), p.name(), p.languages(), p.policy().id(),
                new Filters(p.filters().sources(), p.filters().categories(), p.filters().keywords(),
                        p.filters().content().name().toLowerCase(Locale.ROOT), p.filters().bilingual(),
                        p.filters().resurface()),
                p.revoked(), p.createdAt(), p.tokenRotatedAt(), p.lastFetchAt(), p.fetches(), p.notModified(),
                Math.round(p.notModifiedShare() * 1000) / 1000.0);
    }
}
