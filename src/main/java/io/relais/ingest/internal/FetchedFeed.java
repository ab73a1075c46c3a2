package io.relais.ingest.internal;

/** The bytes of a feed as fetched, with where they came from. */
public record FetchedFeed(long sourceId, String url, byte[] content, String contentType) {
}
