package io.relais.ingest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.relais.article.Source;
import io.relais.article.Sources;

import io.relais.ingest.ArticleIngestor;
import io.relais.ingest.IncomingArticle;
import io.relais.ingest.PollerElection;
import io.relais.article.StoreResult;

/**
 * Ingests one feed item (called by the feed poller route for each item); a refused item does not stop the rest
 * (the route's error handling records it and the split goes on).
 * For a source marked "fetch full article", the item's page is fetched and its main content replaces the feed's
 * teaser when it is longer; if the page cannot be had, the feed's version is ingested (nothing is lost).
 */
@Component("feedItemIngester")
public class FeedItemIngester {

    private static final Logger log = LoggerFactory.getLogger(FeedItemIngester.class);

    private final ArticleIngestor ingestor;
    private final Sources sources;
    private final PageFetcher pages;
    private final ArticleFileParser parser;
    private final PollerElection election;

    FeedItemIngester(ArticleIngestor ingestor, Sources sources, PageFetcher pages, ArticleFileParser parser,
                     ObjectProvider<PollerElection> election) {
        this.election = election.getIfAvailable(() -> () -> false);
        this.ingestor = ingestor;
        this.sources = sources;
        this.pages = pages;
        this.parser = parser;
    }

    /**
     * Throws {@link io.relais.ingest.IngestRejectedException} for a refused item: the route records it and goes on.
     * Returns null, storing nothing, once this node's polling duty has ended (the node that polls next fetches the
     * whole feed again).
     */
    public StoreResult ingest(IncomingArticle item) {
        if (!election.mayPollNow()) {
            log.debug("Item {} of source #{} not stored: this node no longer polls", item.externalId(), item.sourceId());
            return null;
        }
        if (item.url() != null && sources.find(item.sourceId()).map(Source::fetchFullArticle).orElse(false)) {
            item = withFullArticle(item);
        }
        return ingestor.ingest(item);
    }

    private IncomingArticle withFullArticle(IncomingArticle item) {
        try {
            String html = pages.fetch(item.url());
            ParsedDocument page = parser.parseHtml(html, item.url());
            String feedText = item.bodyHtml() == null ? "" : Jsoup.parseBodyFragment(item.bodyHtml()).text();
            String pageText = Jsoup.parseBodyFragment(page.bodyHtml()).text();
            if (pageText.length() <= feedText.length()) {
                return item;
            }
            return new IncomingArticle(item.sourceId(), item.origin(), item.externalId(), item.url(), item.title(),
                    item.summary() != null ? item.summary() : feedText, page.bodyHtml(),
                    item.author() != null ? item.author() : page.author(),
                    item.publishedAt() != null ? item.publishedAt() : page.publishedAt(),
                    html.getBytes(StandardCharsets.UTF_8), "text/html", item.categories());
        } catch (IOException e) {
            log.warn("Full article {} could not be fetched ({}); ingesting the feed's version", item.url(), e.getMessage());
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return item;
        }
    }
}
