package io.relais.publish;

/** The feed formats Relais publishes, with their Rome feed type, file name and media type. */
public enum FeedFormat {
    RSS("rss_2.0", "rss.xml", "application/rss+xml"),
    ATOM("atom_1.0", "atom.xml", "application/atom+xml"),
    /** JSON Feed 1.1 (jsonfeed.org); written with Jackson, Rome does not write it. */
    JSON(null, "feed.json", "application/feed+json");

    private final String romeType;
    private final String fileName;
    private final String mediaType;

    FeedFormat(String romeType, String fileName, String mediaType) {
        this.romeType = romeType;
        this.fileName = fileName;
        this.mediaType = mediaType;
    }

    public String romeType() {
        return romeType;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }
}
