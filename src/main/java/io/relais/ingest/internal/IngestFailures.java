package io.relais.ingest.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.ingest.DeadLetters;
import io.relais.ingest.IncomingArticle;
import io.relais.ingest.IngestRejectedException;

/**
 * The one error path of ingestion. The beans throw; the routes' {@code onException} (route configurations in
 * {@code routes/errors.yaml}) and the push API's exception handler call this to record what happened: a refusal
 * becomes a dead letter with its reason and raw payload, an unreadable feed also marks its source as failing, and
 * a feed that could not be fetched is recorded on its source (health, backoff), and a failure that is not the
 * item's fault (storage down...) makes the source's next poll fetch everything again.
 */
@Component("ingestFailures")
public class IngestFailures {

    private static final Logger log = LoggerFactory.getLogger(IngestFailures.class);

    private final DeadLetters deadLetters;
    private final Sources sources;
    private final FeedFetcher fetcher;

    IngestFailures(DeadLetters deadLetters, Sources sources, FeedFetcher fetcher) {
        this.deadLetters = deadLetters;
        this.sources = sources;
        this.fetcher = fetcher;
    }

    /** A refusal, from any way in: the dead letter's id. */
    public long refused(IngestRejectedException e) {
        long id = deadLetters.record(e.origin(), e.reason(), e.payload(), e.contentType());
        if (e instanceof UnreadableFeedException unreadable) {
            sources.find(unreadable.sourceId()).filter(s -> s.kind() == Source.Kind.FEED)
                    .ifPresent(source -> sources.recordUnusableContent(source.id(), e.reason(),
                            OffsetDateTime.now(ZoneOffset.UTC).plus(FeedFetcher.backoff(source.pollIntervalSeconds(),
                                    source.consecutiveFailures()))));
        }
        return id;
    }

    /**
     * A feed poll or one of its items failed (route {@code feed-errors}): refusals become dead letters and the poll
     * goes on with the next item; a failed fetch goes on the source's health; anything else is logged and the
     * source's validators forgotten.
     */
    public void feedFailed(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure instanceof IngestRejectedException refusal) {
            refused(refusal);
            return;
        }
        if (failure instanceof SourceFetchException unreachable) {
            fetcher.failed(unreachable);
            return;
        }
        Object body = exchange.getMessage().getBody();
        Long sourceId = body instanceof IncomingArticle item ? Long.valueOf(item.sourceId())
                : body instanceof FetchedFeed feed ? Long.valueOf(feed.sourceId()) : null;
        String what = body instanceof IncomingArticle item ? item.origin() : "a feed poll";
        log.error("Ingesting {} failed: {}", what, failure == null ? "?" : failure.getMessage(), failure);
        if (sourceId != null) {
            // not the item's fault: fetch the whole feed again next time instead of a 304
            sources.forgetValidators(sourceId);
        }
    }

    /**
     * An inbox file failed (route {@code inbox-errors}): the dead letter with the file's bytes, and the text of the
     * {@code .error} file the route writes beside it in {@code .failed/}. A refusal was logged as the dead letter's
     * warning; anything else is unexpected and logged at ERROR with its stack trace. If the dead letter cannot be
     * written, this throws, and the file stays in the inbox to be tried again.
     */
    public String fileFailed(Exchange exchange, @Header(Exchange.FILE_NAME) String fileName) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        long id;
        String reason;
        if (failure instanceof IngestRejectedException refusal) {
            reason = refusal.reason();
            id = refused(refusal);
        } else {
            reason = failure == null || failure.getMessage() == null ? String.valueOf(failure) : failure.getMessage();
            log.error("Ingesting inbox/{} failed: {}", fileName, reason, failure);
            id = deadLetters.record("inbox/" + fileName, reason, exchange.getMessage().getBody(byte[].class),
                    InboxFileIngester.contentType(fileName));
        }
        return reason + " (dead letter #" + id + ")" + System.lineSeparator();
    }
}
