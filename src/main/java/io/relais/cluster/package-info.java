/**
 * Running on several machines ({@code relais.cluster.enabled=true}): PostgreSQL as the shared store, RabbitMQ for
 * the localize job's remote partitions and for telling every node that feeds changed, one elected node polling the
 * sources, reading the inbox and starting scheduled runs, editors' sessions in JDBC. Without the flag nothing here
 * starts and Relais runs on one machine as before.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cluster")
package io.relais.cluster;
