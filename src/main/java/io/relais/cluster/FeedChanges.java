package io.relais.cluster;

import java.util.Collection;

/**
 * The hook between publishing and the other nodes: call {@link #announce} after this node changed the published
 * feeds of some languages; every other node then gets a {@link FeedsChangedElsewhere} event (drop its cached
 * feeds, rewrite its static copies). On one machine it does nothing.
 */
public interface FeedChanges {

    void announce(Collection<String> languages);
}
