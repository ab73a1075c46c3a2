package io.relais.cluster.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.relais.cluster.ClusterSettings;
import io.relais.ingest.PollerElection;


/**
 * On one machine this node does everything; in a cluster only while it holds the poller lease, so ingestion's
 * pollers wait for the election ({@link PollerElection}) and check, before every fetch and item, that the lease's
 * term is still this node's.
 */
@Component
class NodeDuties implements PollingDuties, PollerElection {

    private final ObjectProvider<PollerLease> lease;
    private final boolean cluster;

    NodeDuties(ObjectProvider<PollerLease> lease, ClusterSettings settings) {
        this.lease = lease;
        this.cluster = settings.enabled();
    }

    @Override
    public boolean waitsForElection() {
        return cluster;
    }

    @Override
    public boolean mayPollNow() {
        return elected();
    }

    @Override
    public boolean elected() {
        PollerLease held = lease.getIfAvailable();
        return held == null ? !cluster : held.holds();
    }
}
