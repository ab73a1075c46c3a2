package io.relais.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.ingest.DeadLetters;
import io.relais.ingest.IncomingArticle;
import io.relais.ingest.IngestRejectedException;

/** The one error path: what the routes' onException hands over becomes a dead letter or a source's health. */
class IngestFailuresTest {

    final DeadLetters deadLetters = mock(DeadLetters.class);
    final Sources sources = mock(Sources.class);
    final FeedFetcher fetcher = mock(FeedFetcher.class);
    final IngestFailures failures = new IngestFailures(deadLetters, sources, fetcher);

    static Exchange failed(Object body, Exception failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        return exchange;
    }

    static final Source FEED = new Source(5, "https://exemple.fr/rss", Source.Kind.FEED, "Exemple", 900, "\"e\"", null,
            null, null, null, 0, false, false, null, null);

    @Test
    void aRefusedFeedItemBecomesADeadLetterWithItsReasonOriginAndPayload() {
        byte[] payload = "Titre\n\ntexte".getBytes(StandardCharsets.UTF_8);
        failures.feedFailed(failed(null, new IngestRejectedException("not French", "feed item 1", payload, "application/xml")));
        verify(deadLetters).record("feed item 1", "not French", payload, "application/xml");
        verify(sources, never()).recordUnusableContent(eq(5L), any(), any());
    }

    @Test
    void anUnreadableFeedIsDeadLetteredAndItsSourceHeldBack() {
        when(sources.find(5L)).thenReturn(Optional.of(FEED));
        FetchedFeed feed = new FetchedFeed(5, "https://exemple.fr/rss", new byte[] {1, 2}, "application/xml");
        failures.feedFailed(failed(feed, new UnreadableFeedException("unreadable feed: x", feed)));
        verify(deadLetters).record(eq("https://exemple.fr/rss"), eq("unreadable feed: x"), eq(new byte[] {1, 2}), any());
        verify(sources).recordUnusableContent(eq(5L), startsWith("unreadable feed"), any());
    }

    @Test
    void aFailedFetchGoesOnTheSourcesHealthNotTheDeadLetters() {
        SourceFetchException unreachable = new SourceFetchException(5, "HTTP 503", Duration.ofHours(1), null);
        failures.feedFailed(failed(null, unreachable));
        verify(fetcher).failed(unreachable);
        verify(deadLetters, never()).record(any(), any(), any(), any());
    }

    @Test
    void aFailureThatIsNotTheItemsFaultMakesTheNextPollFetchEverything() {
        IncomingArticle item = new IncomingArticle(5, "feed item 2", "2", null, "t", null, "b", null, null, null, null);
        failures.feedFailed(failed(item, new IllegalStateException("database down")));
        verify(sources).forgetValidators(5L);
        verify(deadLetters, never()).record(any(), any(), any(), any());
    }

    @Test
    void aFailedInboxFileGetsADeadLetterWithItsBytesAndTheTextOfItsErrorFile() {
        when(deadLetters.record(any(), any(), any(), any())).thenReturn(12L);
        byte[] content = "{\"title\": ".getBytes(StandardCharsets.UTF_8);
        String text = failures.fileFailed(failed(content, new IllegalStateException("disk full")), "casse.json");
        verify(deadLetters).record("inbox/casse.json", "disk full", content, "application/json");
        assertThat(text).startsWith("disk full (dead letter #12)");
    }
}
