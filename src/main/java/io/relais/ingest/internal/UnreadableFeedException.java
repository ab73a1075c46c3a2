package io.relais.ingest.internal;

import io.relais.ingest.IngestRejectedException;

/** A feed's bytes could not be read as RSS or Atom; the source that gave them is marked as failing. */
public class UnreadableFeedException extends IngestRejectedException {

    private final long sourceId;

    public UnreadableFeedException(String reason, FetchedFeed feed) {
        super(reason, feed.url(), feed.content(), feed.contentType());
        this.sourceId = feed.sourceId();
    }

    public long sourceId() {
        return sourceId;
    }
}
