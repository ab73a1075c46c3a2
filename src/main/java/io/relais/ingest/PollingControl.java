package io.relais.ingest;

/**
 * Starts and stops everything that reads from outside on its own: one poller per active feed source and the inbox
 * route. On one machine they start with the application; in a cluster only the elected node runs them.
 */
public interface PollingControl {

    /** Starts the pollers of every active feed source and the inbox; stops those of paused or removed sources. */
    void startPolling();

    /** Stops every poller and the inbox. */
    void stopPolling();
}
