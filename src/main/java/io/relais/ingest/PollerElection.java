package io.relais.ingest;

/**
 * Where nodes are elected to poll (the cluster module implements it): this node's pollers and inbox then wait until
 * it is elected and {@link PollingControl#startPolling} is called. Without a bean of this type, or when it says
 * no, this node polls from the start, as on one machine.
 */
public interface PollerElection {

    /** Whether polling waits for this node's election. */
    boolean waitsForElection();

    /**
     * Whether this node may poll at this instant. Asked before every fetch and every item stored: a node whose duty
     * ended (its lease may be another node's by now) stops at once, while its pollers are still being stopped.
     */
    default boolean mayPollNow() {
        return true;
    }
}
