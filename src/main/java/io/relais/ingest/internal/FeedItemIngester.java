package io.relais.ingest.internal;

import org.springframework.stereotype.Component;

import io.relais.ingest.ArticleIngestor;
import io.relais.ingest.IncomingArticle;
import io.relais.ingest.IngestRejectedException;

/** Ingests one feed item (called by the feed poller route for each item); a refused item does not stop the rest. */
@Component("feedItemIngester")
public class FeedItemIngester {

    private final ArticleIngestor ingestor;

    FeedItemIngester(ArticleIngestor ingestor) {
        this.ingestor = ingestor;
    }

    public String ingest(IncomingArticle item) {
        try {
            return ingestor.ingest(item).outcome().name();
        } catch (IngestRejectedException e) {
            return "REJECTED: " + e.getMessage();
        }
    }
}
