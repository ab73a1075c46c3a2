/**
 * Running on several machines ({@code relais.cluster.enabled=true}, {@link io.relais.cluster.ClusterSettings}):
 * PostgreSQL as the shared store, RabbitMQ for the localize job's remote partitions and for telling every node that
 * feeds changed, one elected node polling the sources, reading the inbox and starting scheduled runs, editors'
 * sessions in JDBC. All cluster code is here, behind interfaces the other modules own: it implements the batch
 * module's {@link io.relais.batch.RunGate} and {@link io.relais.batch.RemotePartitions} (running
 * {@link io.relais.batch.LocalizeSteps} on worker nodes) and ingestion's {@link io.relais.ingest.PollerElection},
 * and drives {@link io.relais.ingest.PollingControl}; publishing calls {@link io.relais.cluster.FeedChanges} and
 * listens for {@link io.relais.cluster.FeedsChangedElsewhere}. Without the flag nothing here starts and Relais runs
 * on one machine with the batch and ingest modules' own defaults.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cluster")
package io.relais.cluster;
