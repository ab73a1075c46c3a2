package io.relais.cluster.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.stereotype.Component;

import io.relais.cluster.ClusterSettings;
import io.relais.ingest.PollerElection;


/**
 * On one machine this node does everything; in a cluster only while it holds the poller lease, so ingestion's
 * pollers wait for the election ({@link PollerElection}).
 */
@Component
class NodeDuties implements PollingDuties, PollerElection {

    private final ObjectProvider<LockRegistryLeaderInitiator> election;
    private final boolean cluster;

    NodeDuties(ObjectProvider<LockRegistryLeaderInitiator> election, ClusterSettings settings) {
        this.election = election;
        this.cluster = settings.enabled();
    }

    @Override
    public boolean waitsForElection() {
        return cluster;
    }

    @Override
    public boolean elected() {
        LockRegistryLeaderInitiator initiator = election.getIfAvailable();
        return initiator == null || initiator.getContext().isLeader();
    }
}
