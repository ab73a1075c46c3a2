package io.relais.publish.internal;

/**
 * The names of the feeds in the publishing log: a language's public feed is the language itself ({@code es}, as
 * before partners had logs of their own), a partner's feed of a language {@code p42/es}.
 */
final class FeedKeys {

    private FeedKeys() {
    }

    static String publicFeed(String lang) {
        return lang;
    }

    static String partnerFeed(long partnerId, String lang) {
        return "p" + partnerId + "/" + lang;
    }

    /** The language of a feed, public or a partner's. */
    static String lang(String feed) {
        return feed.substring(feed.indexOf('/') + 1);
    }
}
