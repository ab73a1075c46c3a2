package io.relais.cluster.internal;

/**
 * What the elected node does alone: poll every feed source, read the inbox, start scheduled runs. Tells whether
 * this node holds that duty now (always true on one machine).
 */
public interface PollingDuties {

    boolean elected();
}
