package io.relais.ingest;

/**
 * What a live check of a feed URL found, before it is added as a source: whether it could be fetched and parsed,
 * how many items it has and how many of them are French.
 */
public record SourceCheck(String url, boolean fetched, boolean parsed, String feedTitle, int items, int french,
                          String firstTitle, String problem) {

    /** Fetched, parsed, with at least one French item: worth adding. */
    public boolean usable() {
        return fetched && parsed && french > 0;
    }
}
