package io.relais.ingest;

import java.util.List;

/**
 * What a live check of a feed URL found, before it is added as a source: whether it could be fetched and parsed,
 * how many items it has and how many of them are French. When the URL is a web page rather than a feed,
 * {@code discovered} lists the feeds the page announces ({@code <link rel="alternate">}), as feed readers find them.
 */
public record SourceCheck(String url, boolean fetched, boolean parsed, String feedTitle, int items, int french,
                          String firstTitle, String problem, List<DiscoveredFeed> discovered) {

    /** A feed a web page announces: its absolute URL, its title and type as the page gives them. */
    public record DiscoveredFeed(String url, String title, String type) {
    }

    public SourceCheck {
        discovered = discovered == null ? List.of() : List.copyOf(discovered);
    }

    public SourceCheck(String url, boolean fetched, boolean parsed, String feedTitle, int items, int french,
                       String firstTitle, String problem) {
        this(url, fetched, parsed, feedTitle, items, french, firstTitle, problem, List.of());
    }

    /** A check that failed before anything was read: why. */
    public static SourceCheck refused(String url, String problem) {
        return new SourceCheck(url, false, false, null, 0, 0, null, problem);
    }

    /** Fetched, parsed, with at least one French item: worth adding. */
    public boolean usable() {
        return fetched && parsed && french > 0;
    }
}
