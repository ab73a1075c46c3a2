package io.relais.publish;

import java.time.Instant;
import java.util.List;

import io.relais.translation.PublishedEntry;

/**
 * One feed document to render: its entries (newest first, each as its feed presents it) and where it sits.
 * {@code feedPath} is where the subscription documents live ({@code /feeds/es} or a partner's
 * {@code /feeds/p/<token>/es}); {@code feedId} the feed's own id (a partner's feed has its own); {@code archive} the
 * archive page number, 0 for the subscription document; {@code prevArchive} the older neighbouring archive page (0:
 * none). An archive page also links to the following page, whose address is known from the start, so that its links
 * never change. {@code since} is the feed's date when it has no entry yet. {@code withdrawals}: entries that left the
 * feed lately (a subscription document only: an archive page never changes), so that a partner mirroring the feed
 * removes them (Atom: RFC 6721 tombstones; JSON Feed: {@code _relais.withdrawn}), newest first.
 */
public record FeedView(
        String lang,
        List<Item> items,
        String feedPath,
        String feedId,
        String title,
        long archive,
        long prevArchive,
        List<String> hubs,
        Instant since,
        List<Withdrawal> withdrawals) {

    /** How much of each entry a document carries. */
    public enum ContentMode { TITLE, SUMMARY, FULL }

    /** An entry of the document, and whether a correction gives it a new RSS {@code pubDate} (resurfacing). */
    public record Item(PublishedEntry entry, boolean resurface) {
    }

    /**
     * An entry withdrawn from the feed: its article and when it left. Its id is the one the entry had while published
     * ({@link #entryId}), so that a partner can match it.
     */
    public record Withdrawal(long articleId, Instant at) {
    }

    public FeedView {
        items = List.copyOf(items);
        hubs = hubs == null ? List.of() : List.copyOf(hubs);
        withdrawals = withdrawals == null ? List.of() : List.copyOf(withdrawals);
    }

    /** A document with no withdrawals to announce. */
    public FeedView(String lang, List<Item> items, String feedPath, String feedId, String title, long archive,
                    long prevArchive, List<String> hubs, Instant since) {
        this(lang, items, feedPath, feedId, title, archive, prevArchive, hubs, since, List.of());
    }

    /** The id of an entry of this feed (published or withdrawn): {@code urn:relais:es:article:42}. */
    public String entryId(long articleId) {
        return FeedBuilder.entryId(lang, articleId);
    }

    /** The public subscription document of a language with the given entries, no archives, no hubs. */
    public static FeedView of(String lang, List<PublishedEntry> entries) {
        return new FeedView(lang, entries.stream().map(e -> new Item(e, false)).toList(), "/feeds/" + lang,
                publicId(lang), FeedBuilder.title(lang), 0, 0, List.of(), null);
    }

    /** The id of a language's public feed, {@code urn:relais:feed:es}. */
    public static String publicId(String lang) {
        return "urn:relais:feed:" + lang;
    }

    public List<PublishedEntry> entries() {
        return items.stream().map(Item::entry).toList();
    }

    public boolean isArchive() {
        return archive > 0;
    }

    /** The same document with other entries. */
    public FeedView withItems(List<Item> others) {
        return new FeedView(lang, others, feedPath, feedId, title, archive, prevArchive, hubs, since, withdrawals);
    }

    /** Path of this document in {@code format}. */
    public String path(FeedFormat format) {
        return isArchive() ? archivePath(archive, format) : feedPath + "/" + format.fileName();
    }

    public String archivePath(long page, FeedFormat format) {
        return feedPath + "/archive/" + page + "/" + format.fileName();
    }

    /** The document's id: the feed's, and for an archive page the page's. */
    public String documentId() {
        return isArchive() ? feedId + ":archive:" + archive : feedId;
    }

    /** The document's title: the feed's, and for an archive page which page. */
    public String documentTitle() {
        return isArchive() ? title + " (archive " + archive + ")" : title;
    }
}
