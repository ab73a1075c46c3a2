package io.relais.cluster.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.stereotype.Component;

import io.relais.cluster.PollingDuties;

/** On one machine this node does everything; in a cluster only while it holds the poller lease. */
@Component
class NodeDuties implements PollingDuties {

    private final ObjectProvider<LockRegistryLeaderInitiator> election;

    NodeDuties(ObjectProvider<LockRegistryLeaderInitiator> election) {
        this.election = election;
    }

    @Override
    public boolean elected() {
        LockRegistryLeaderInitiator initiator = election.getIfAvailable();
        return initiator == null || initiator.getContext().isLeader();
    }
}
