package io.relais.ingest.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.relais.article.Source;
import io.relais.article.Sources;

/**
 * {@code /actuator/health} component {@code polling}: whether this node holds the poller lease (always on one
 * machine; in a cluster, the elected node), how many active feed sources it polls, and how many are failing. Failing
 * sources do not make it DOWN: they are the sources' trouble, shown on the console's sources page.
 */
@Component("polling")
class PollingHealth implements HealthIndicator {

    private final FeedPollers pollers;
    private final Sources sources;

    PollingHealth(FeedPollers pollers, Sources sources) {
        this.pollers = pollers;
        this.sources = sources;
    }

    @Override
    public Health health() {
        long active = 0;
        long polled = 0;
        long failing = 0;
        for (Source source : sources.findAll()) {
            if (source.kind() != Source.Kind.FEED || source.paused()) {
                continue;
            }
            active++;
            if (pollers.polling(source.id())) {
                polled++;
            }
            if (source.consecutiveFailures() > 0) {
                failing++;
            }
        }
        return Health.up().withDetail("lease", pollers.holdsLease()).withDetail("activeSources", active)
                .withDetail("polledHere", polled).withDetail("failing", failing).build();
    }
}
