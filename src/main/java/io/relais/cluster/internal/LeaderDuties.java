package io.relais.cluster.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.integration.leader.event.OnGrantedEvent;
import org.springframework.integration.leader.event.OnRevokedEvent;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import io.relais.cluster.ClusterSettings;
import io.relais.ingest.PollingControl;

/**
 * Starts the feed pollers and the inbox on the node that wins the poller election, stops them when it loses it,
 * and while it holds it picks up sources added, paused or removed through another node's API.
 */
@Component
@ConditionalOnProperty(prefix = "relais.cluster", name = "enabled", havingValue = "true")
class LeaderDuties implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(LeaderDuties.class);

    private final PollingControl polling;
    private final PollingDuties duties;
    private final ClusterNode node;
    private final ClusterSettings settings;

    LeaderDuties(PollingControl polling, PollingDuties duties, ClusterNode node, ClusterSettings settings) {
        this.polling = polling;
        this.duties = duties;
        this.node = node;
        this.settings = settings;
    }

    @EventListener
    void onGranted(OnGrantedEvent event) {
        if (ClusterConfiguration.POLLER_ROLE.equals(event.getRole())) {
            log.info("Node {} elected to poll sources, read the inbox and start scheduled runs", node.name());
            polling.startPolling();
        }
    }

    @EventListener
    void onRevoked(OnRevokedEvent event) {
        if (ClusterConfiguration.POLLER_ROLE.equals(event.getRole())) {
            log.info("Node {} no longer polls", node.name());
            polling.stopPolling();
        }
    }

    /** Every {@code relais.cluster.source-sync-interval}. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::followSourceChanges, settings.sourceSyncInterval());
    }

    void followSourceChanges() {
        if (duties.elected()) {
            polling.startPolling();
        }
    }
}
