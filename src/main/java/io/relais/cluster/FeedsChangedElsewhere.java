package io.relais.cluster;

import java.util.List;

/**
 * Another node changed the published feeds of these languages: whatever this node keeps of them (rendered feeds
 * in memory, static copies on disk) is out of date. Published on this node's event bus in a transaction of its own
 * (so that the event publication registry records it), handled after that commits.
 */
public record FeedsChangedElsewhere(List<String> languages) {
}
