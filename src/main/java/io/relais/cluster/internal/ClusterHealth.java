package io.relais.cluster.internal;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.relais.cluster.ClusterSettings;

/**
 * {@code /actuator/health} component {@code cluster}: this node's name and roles, whether it is the elected
 * poller, and whether it reaches the broker (DOWN without it: no partitions can be sent or taken).
 */
@Component("clusterHealthIndicator")
@ConditionalOnProperty(prefix = "relais.cluster", name = "enabled", havingValue = "true")
class ClusterHealth implements HealthIndicator {

    private final ClusterNode node;
    private final ClusterSettings properties;
    private final PollingDuties duties;
    private final CachingConnectionFactory broker;

    ClusterHealth(ClusterNode node, ClusterSettings properties, PollingDuties duties,
                  CachingConnectionFactory broker) {
        this.node = node;
        this.properties = properties;
        this.duties = duties;
        this.broker = broker;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        try {
            broker.createConnection().close();
        } catch (RuntimeException e) {
            health = Health.down().withDetail("broker", e.getMessage());
        }
        return health.withDetail("node", node.name())
                .withDetail("roles", properties.roles())
                .withDetail("elected", duties.elected())
                .build();
    }
}
