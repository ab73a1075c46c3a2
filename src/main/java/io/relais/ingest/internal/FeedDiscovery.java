package io.relais.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.relais.ingest.SourceCheck;

/**
 * Feed autodiscovery, as miniflux and FreshRSS do it: a web page announces its feeds with
 * {@code <link rel="alternate" type="application/rss+xml|atom+xml" href="...">} in its head (the RSS Advisory
 * Board's autodiscovery convention); jsoup reads the page and resolves each href against the page's address.
 */
final class FeedDiscovery {

    /** What Relais reads (Rome): RSS and Atom; a JSON Feed an HTML page also announces is left out. */
    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml");

    private FeedDiscovery() {
    }

    /** The feeds the page announces (http and https only), in the page's order; empty for anything not HTML. */
    static List<SourceCheck.DiscoveredFeed> announced(String pageUrl, byte[] content, String contentType) {
        String head = new String(content, 0, Math.min(content.length, 2048), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        boolean html = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")
                || head.contains("<html") || head.contains("<!doctype html");
        if (!html) {
            return List.of();
        }
        Document page = Jsoup.parse(new String(content, StandardCharsets.UTF_8), pageUrl);
        Set<String> seen = new LinkedHashSet<>();
        List<SourceCheck.DiscoveredFeed> feeds = new ArrayList<>();
        for (Element link : page.select("link[rel~=(?i)\\balternate\\b][type][href]")) {
            String type = link.attr("type").strip().toLowerCase(Locale.ROOT);
            String url = link.absUrl("href");
            if (!FEED_TYPES.contains(type) || url.isEmpty()
                    || !(url.startsWith("http://") || url.startsWith("https://")) || !seen.add(url)) {
                continue;
            }
            String title = link.attr("title").strip();
            feeds.add(new SourceCheck.DiscoveredFeed(url, title.isEmpty() ? null : title, type));
        }
        return feeds;
    }
}
