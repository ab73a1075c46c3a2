/**
 * The {@code localize} Spring Batch job: partitioned by target language, chunk-oriented (read articles lacking a
 * translation, translate and check, store with a verdict), restartable; started after ingestion (debounced), on
 * a schedule and through the API. On one machine its partitions run in this process; it owns the interfaces a
 * cluster implements to share runs between nodes ({@link io.relais.batch.RunGate},
 * {@link io.relais.batch.RemotePartitions}, {@link io.relais.batch.LocalizeSteps}) and knows nothing of the cluster.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Batch")
package io.relais.batch;
