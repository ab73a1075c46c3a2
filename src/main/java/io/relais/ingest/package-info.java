/**
 * Getting French articles in: Camel routes (wired in {@code routes/*.yaml}) call the beans here to fetch, parse and
 * extract; every path ends in {@link io.relais.ingest.ArticleIngestor}, the gate (validation, language, sanitising,
 * dedupe). What the gate refuses goes to {@link io.relais.ingest.DeadLetters} with its reason and raw payload.
 * Pollers and the inbox start with the application, unless a {@link io.relais.ingest.PollerElection} (the cluster's)
 * makes them wait for this node's election; {@link io.relais.ingest.PollingControl} starts and stops them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ingestion")
package io.relais.ingest;
