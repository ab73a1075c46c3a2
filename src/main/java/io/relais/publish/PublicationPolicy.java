package io.relais.publish;

import java.util.Locale;

import io.relais.translation.PublishedEntry;

/**
 * What a feed publishes: {@code reviewed} — only translations an editor approved; {@code machine} — also machine
 * translations with no blocking issue, each marked as machine translation in every format and on its page, and
 * replaced in place (same id, new {@code updated}) when an editor approves an edited version. The public feeds have
 * one ({@code relais.publish.policy}, {@code reviewed} unless set), each partner its own.
 */
public enum PublicationPolicy {
    REVIEWED, MACHINE;

    /** True when a feed with this policy publishes {@code entry} (one of the publishable translations). */
    public boolean accepts(PublishedEntry entry) {
        return this == MACHINE || entry.reviewed();
    }

    /** The name requests and settings use: {@code reviewed} or {@code machine}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy named {@code name} (either case); a clear error for anything else. */
    public static PublicationPolicy of(String name) {
        if (name != null) {
            for (PublicationPolicy policy : values()) {
                if (policy.id().equals(name.strip().toLowerCase(Locale.ROOT))) {
                    return policy;
                }
            }
        }
        throw new IllegalArgumentException("policy: one of reviewed, machine (not '" + name + "')");
    }
}
