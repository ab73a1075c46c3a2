package io.relais.cluster;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relais.cluster.*}: whether this node is part of a cluster, what it does there, and how the nodes reach
 * the broker.
 *
 * @param enabled           cluster mode (PostgreSQL required); off: one process, in-process partitions
 * @param roles             {@code manager} (starts runs, splits them, may be elected poller), {@code worker}
 *                          (translates partitions), or both
 * @param nodeId            this node's name in logs and messages (default: host name and port)
 * @param sliceSize         articles per partition: a run is split per language and per slice of this many articles
 * @param pollInterval      how often the manager reads the job repository for finished partitions
 * @param partitionTimeout  longest wait for all partitions of a run before the manager step fails
 * @param workerConcurrency partitions a worker node translates at once
 * @param expressConcurrency express partitions (one article group into one language each) a worker node translates at
 *                          once, beside the backlog's, which yield to them between chunks
 * @param leaseTime         how long the poller's lease lasts without renewal: the bound on a take-over (a localize
 *                          run's manager lease lasts three times this)
 * @param sourceSyncInterval how often the elected poller picks up sources added, paused or removed through another
 *                          node's API
 * @param resumeAfter       how often the elected poller looks for a run that ended without completing (the database
 *                          or the broker went away) while work waits, and starts a run for that work
 * @param databaseTimeout   longest wait for the database's answer to one statement before the node gives the
 *                          connection up (longer than any statement of a migration on a large database)
 * @param rabbit            the broker
 */
@ConfigurationProperties("relais.cluster")
public record ClusterSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue({"manager", "worker"}) Set<String> roles,
        String nodeId,
        @DefaultValue("20") int sliceSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2h") Duration partitionTimeout,
        @DefaultValue("1") int workerConcurrency,
        @DefaultValue("5") int expressConcurrency,
        @DefaultValue("10s") Duration leaseTime,
        @DefaultValue("30s") Duration sourceSyncInterval,
        @DefaultValue("1m") Duration resumeAfter,
        @DefaultValue("2m") Duration databaseTimeout,
        @DefaultValue Rabbit rabbit) {

    public static final String MANAGER = "manager";
    public static final String WORKER = "worker";
    /** Queue of the localize job's partition requests (durable: a broker restart keeps them). */
    public static final String PARTITION_QUEUE = "relais.localize.partitions";
    /** Queue of the express lane's partition requests, consumed beside the backlog's (durable too). */
    public static final String EXPRESS_QUEUE = "relais.localize.express";
    /** Fan-out exchange telling every node that the feeds of some languages changed. */
    public static final String FEEDS_EXCHANGE = "relais.feeds.changed";

    public ClusterSettings {
        if (expressConcurrency < 1) {
            throw new IllegalArgumentException("relais.cluster.express-concurrency must be at least 1, got "
                    + expressConcurrency);
        }
        if (sliceSize < 1) {
            throw new IllegalArgumentException("relais.cluster.slice-size must be at least 1, got " + sliceSize);
        }
        for (String role : roles) {
            if (!role.equals(MANAGER) && !role.equals(WORKER)) {
                throw new IllegalArgumentException("relais.cluster.roles: unknown role '" + role
                        + "' (manager, worker)");
            }
        }
    }

    public boolean manager() {
        return roles.contains(MANAGER);
    }

    public boolean worker() {
        return roles.contains(WORKER);
    }

    /**
     * @param host        broker host
     * @param port        AMQP port
     * @param username    user (RabbitMQ's {@code guest} only works from localhost: set a user on a real cluster)
     * @param password    from the environment ({@code RELAIS_CLUSTER_RABBIT_PASSWORD}) on a real cluster
     * @param virtualHost virtual host
     * @param heartbeat   AMQP heartbeat asked of the broker: a node cut off from it is given up (its unacknowledged
     *                    slices handed to other workers) after about twice this, and notices it as soon; also how
     *                    long a node waits for a new connection to the broker to open before trying again
     */
    public record Rabbit(@DefaultValue("localhost") String host, @DefaultValue("5672") int port,
                         @DefaultValue("guest") String username, @DefaultValue("guest") String password,
                         @DefaultValue("/") String virtualHost, @DefaultValue("10s") Duration heartbeat) {
    }
}
