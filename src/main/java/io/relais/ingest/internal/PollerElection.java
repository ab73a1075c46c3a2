package io.relais.ingest.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relais.cluster.enabled}, as ingestion needs it: in a cluster the pollers and the inbox wait until this node
 * is elected to poll. Ingestion binds the key itself because the cluster module depends on ingest (it drives
 * {@link io.relais.ingest.PollingControl}), so ingest cannot ask the cluster's properties without a cycle; the key is
 * documented with the cluster's settings.
 */
@ConfigurationProperties("relais.cluster")
record PollerElection(@DefaultValue("false") boolean enabled) {
}
