package io.relais.publish;

import java.util.List;

import io.relais.translation.PublishedEntry;

/**
 * One feed document to render: its entries (newest first) and where it sits. {@code feedPath} is where the
 * subscription documents live ({@code /feeds/es} or a partner's {@code /feeds/p/<token>/es}); {@code archive} is the
 * archive page number, 0 for the subscription document; {@code prevArchive} / {@code nextArchive} the neighbouring
 * archive pages (0: none; for the newest archive page {@code nextArchive} is left out, it links to {@code current}).
 */
public record FeedView(
        String lang,
        List<PublishedEntry> entries,
        String feedPath,
        long archive,
        long prevArchive,
        long nextArchive,
        List<String> hubs,
        ContentMode content,
        boolean bilingual) {

    /** How much of each entry a document carries. */
    public enum ContentMode { TITLE, SUMMARY, FULL }

    public FeedView {
        entries = List.copyOf(entries);
        hubs = hubs == null ? List.of() : List.copyOf(hubs);
        content = content == null ? ContentMode.FULL : content;
    }

    /** The public subscription document of a language with the given entries, no archives, no hubs. */
    public static FeedView of(String lang, List<PublishedEntry> entries) {
        return new FeedView(lang, entries, "/feeds/" + lang, 0, 0, 0, List.of(), ContentMode.FULL, false);
    }

    public boolean isArchive() {
        return archive > 0;
    }

    /** Path of this document in {@code format}. */
    public String path(FeedFormat format) {
        return isArchive() ? archivePath(archive, format) : feedPath + "/" + format.fileName();
    }

    public String archivePath(long page, FeedFormat format) {
        return feedPath + "/archive/" + page + "/" + format.fileName();
    }
}
