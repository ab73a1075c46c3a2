package io.relais.publish.internal;

import java.util.Locale;

import io.micrometer.core.instrument.Metrics;

/**
 * The metric {@code relais.feed.requests}: documents served, by kind ({@code feed}, {@code archive}, {@code partner},
 * {@code index}), language, format ({@code rss}, {@code atom}, {@code json}, {@code html}, {@code opml}) and answer
 * ({@code 200} or {@code 304}), so an operator sees who polls what and how much conditional GET saves. A partner's
 * token is never a tag (it is a secret, and one series per partner would grow without bound).
 */
final class FeedRequests {

    static final String METRIC = "relais.feed.requests";

    private FeedRequests() {
    }

    static void count(String path, int status) {
        String[] parts = path.split("/");   // "", "feeds", lang | "p", ...
        String kind = "index";
        String lang = "all";
        if (parts.length > 3 && parts[2].equals("p")) {
            kind = "partner";
            lang = parts.length > 4 ? parts[4] : "all";
        } else if (parts.length > 2 && !parts[2].contains(".")) {
            lang = parts[2];
            kind = path.contains("/archive/") ? "archive" : parts.length > 3 && !parts[3].isEmpty() ? "feed" : "index";
        }
        if (lang.length() > 8) {
            lang = "other";
        }
        Metrics.counter(METRIC, "kind", kind, "lang", lang, "format", format(path), "status", String.valueOf(status))
                .increment();
    }

    private static String format(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith("rss.xml")) {
            return "rss";
        }
        if (p.endsWith("atom.xml")) {
            return "atom";
        }
        if (p.endsWith(".json")) {
            return "json";
        }
        if (p.endsWith(".opml")) {
            return "opml";
        }
        return "html";
    }
}
