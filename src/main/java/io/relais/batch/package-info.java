/**
 * The {@code localize} Spring Batch job: partitioned by target language, chunk-oriented (read articles lacking a
 * translation, translate and check, store with a verdict), restartable; started after ingestion (debounced), on
 * a schedule and through the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Batch")
package io.relais.batch;
