package io.relais.cluster;

import java.util.List;

/**
 * Another node changed the published feeds of these languages: whatever this node keeps of them (rendered feeds
 * in memory, static copies on disk) is out of date. Published on this node's event bus, outside any transaction.
 */
public record FeedsChangedElsewhere(List<String> languages) {
}
