package io.relais.ingest.internal;

/**
 * The bytes of a feed as fetched, with where they came from and the validators to send next time (ETag,
 * Last-Modified, or a file's modification mark), which the source keeps only once the feed has been read.
 */
public record FetchedFeed(long sourceId, String url, byte[] content, String contentType, String etag,
                          String lastModified) {

    public FetchedFeed(long sourceId, String url, byte[] content, String contentType) {
        this(sourceId, url, content, contentType, null, null);
    }
}
