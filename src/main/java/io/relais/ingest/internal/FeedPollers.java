package io.relais.ingest.internal;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.ingest.PollerElection;
import io.relais.ingest.PollingControl;

import java.util.HashSet;
import java.util.Set;

/**
 * Registers the configured sources and starts one poller route per feed source from the {@code feed-poller}
 * route template in {@code routes/feeds.yaml}.
 */
@Component
public class FeedPollers implements CamelContextConfiguration, PollingControl {

    static final String INBOX_ROUTE = "inbox";

    private static final Logger log = LoggerFactory.getLogger(FeedPollers.class);

    private final IngestSettings properties;
    private final Sources sources;
    private final UrlPolicy urlPolicy;
    private final ObjectProvider<CamelContext> camel;
    /** false in a cluster until this node is elected to poll (then {@link #startPolling} sets it). */
    private volatile boolean active;

    FeedPollers(IngestSettings properties, Sources sources, UrlPolicy urlPolicy, ObjectProvider<CamelContext> camel,
                ObjectProvider<PollerElection> election) {
        this.properties = properties;
        this.urlPolicy = urlPolicy;
        this.sources = sources;
        this.camel = camel;
        PollerElection elected = election.getIfAvailable();
        this.active = elected == null || !elected.waitsForElection();
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (IngestSettings.SourceProperties configured : properties.sources()) {
            String refusal = urlPolicy.pollRefusal(configured.url());
            if (refusal != null) {
                // a seeded source goes through the same URL policy as one added through the API
                log.warn("Configured source {} is not polled: {}", configured.url(), refusal);
                continue;
            }
            sources.register(configured.url(), Source.Kind.FEED, configured.name(),
                    (int) configured.pollInterval().toSeconds());
        }
        if (active) {
            startSources(camelContext, true);
        }
    }

    private void startSources(CamelContext camelContext, boolean forgetValidators) {
        for (Source source : sources.findAll()) {
            if (source.kind() == Source.Kind.FEED) {
                // a poll cut short by a stop may have stored the feed's ETag before all its items were ingested:
                // the first poll after a start fetches the whole feed again (dedupe makes that harmless)
                if (forgetValidators) {
                    sources.forgetValidators(source.id());
                }
                String refusal = urlPolicy.pollRefusal(source.url());
                if (refusal != null) {
                    log.warn("Source #{} ({}) is not polled: {}", source.id(), source.url(), refusal);
                    sources.recordFailure(source.id(), "not polled: " + refusal, null);
                } else if (!source.paused()) {
                    start(camelContext, source);
                } else {
                    stop(source.id());
                }
            }
        }
    }

    /** Starts, restarts (new interval) or stops the poller of a source to match what is stored. */
    public void sync(Source source) {
        CamelContext camelContext = camel.getObject();
        stop(source.id());
        if (active && source.kind() == Source.Kind.FEED && !source.paused()) {
            start(camelContext, source);
        }
    }

    public void stop(long sourceId) {
        CamelContext camelContext = camel.getObject();
        String routeId = "feed-" + sourceId;
        if (camelContext.getRoute(routeId) != null) {
            try {
                camelContext.getRouteController().stopRoute(routeId);
                camelContext.removeRoute(routeId);
                log.info("Stopped polling source #{}", sourceId);
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the poller of source #" + sourceId + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Polls an active source now (its timer restarted with no delay, so the next polls follow from now); false when
     * this node does not poll it (paused, not polled by policy, or polled by another node of a cluster).
     */
    public boolean pollNow(Source source) {
        CamelContext camelContext = camel.getObject();
        if (!active || source.kind() != Source.Kind.FEED || source.paused() || !polling(source.id())) {
            return false;
        }
        stop(source.id());
        start(camelContext, source, 10);
        return true;
    }

    /** Whether this node polls (always on one machine; in a cluster, while it is the elected poller). */
    public boolean holdsLease() {
        return active;
    }

    public boolean polling(long sourceId) {
        return camel.getObject().getRoute("feed-" + sourceId) != null;
    }

    @Override
    public synchronized void startPolling() {
        CamelContext camelContext = camel.getObject();
        // taking over from another node: fetch every feed whole again, dedupe keeps what the other node stored
        startSources(camelContext, !active);
        Set<String> known = new HashSet<>();
        sources.findAll().forEach(s -> known.add("feed-" + s.id()));
        camelContext.getRoutes().stream().map(Route::getRouteId)
                .filter(id -> id.startsWith("feed-") && !known.contains(id)).toList()
                .forEach(id -> stop(Long.parseLong(id.substring("feed-".length()))));
        try {
            if (camelContext.getRoute(INBOX_ROUTE) != null
                    && !camelContext.getRouteController().getRouteStatus(INBOX_ROUTE).isStarted()) {
                camelContext.getRouteController().startRoute(INBOX_ROUTE);
                log.info("Reading the inbox");
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the inbox route: " + e.getMessage(), e);
        }
        active = true;
    }

    @Override
    public synchronized void stopPolling() {
        active = false;
        CamelContext camelContext = camel.getObject();
        camelContext.getRoutes().stream().map(Route::getRouteId)
                .filter(id -> id.startsWith("feed-")).toList()
                .forEach(id -> stop(Long.parseLong(id.substring("feed-".length()))));
        try {
            if (camelContext.getRoute(INBOX_ROUTE) != null) {
                camelContext.getRouteController().stopRoute(INBOX_ROUTE);
                log.info("Stopped reading the inbox");
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the inbox route: " + e.getMessage(), e);
        }
    }

    void start(CamelContext camelContext, Source source) {
        start(camelContext, source, properties.pollOnStart() ? 1000 : source.pollIntervalSeconds() * 1000L);
    }

    private void start(CamelContext camelContext, Source source, long delayMs) {
        String routeId = "feed-" + source.id();
        if (camelContext.getRoute(routeId) != null) {
            return;
        }
        TemplatedRouteBuilder.builder(camelContext, "feed-poller")
                .routeId(routeId)
                .parameter("sourceId", String.valueOf(source.id()))
                .parameter("periodMs", String.valueOf(Math.max(1, source.pollIntervalSeconds()) * 1000L))
                .parameter("delayMs", String.valueOf(delayMs))
                .add();
        log.info("Polling {} every {} s (route {})", source.url(), source.pollIntervalSeconds(), routeId);
    }
}
