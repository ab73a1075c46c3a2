package io.relais.cluster.internal;

import java.util.List;

/** What goes over the fan-out exchange (JSON): who changed the feeds of which languages. */
public record FeedChangeMessage(String origin, List<String> languages) {
}
