package io.relais.cluster.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.leader.DefaultCandidate;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

import io.relais.cluster.ClusterSettings;

/**
 * Only with {@code relais.cluster.enabled=true}: the broker connection, the lock registry on the shared database
 * (leader election), and editors' sessions in the database so that any node can serve them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "relais.cluster", name = "enabled", havingValue = "true")
@EnableIntegration
@EnableJdbcHttpSession
@EnableConfigurationProperties(ClusterSettings.class)
public class ClusterConfiguration {

    /** Lock key of the node that polls sources, reads the inbox and starts scheduled runs. */
    public static final String POLLER_ROLE = "relais-poller";

    /**
     * Spring Session schedules its clean-up as soon as its repository exists: on a fresh database that is before
     * Flyway has created the session tables, so the repository waits for the migrations.
     */
    @Bean
    static BeanFactoryPostProcessor sessionsAfterMigrations() {
        return factory -> {
            if (factory.containsBeanDefinition("sessionRepository")
                    && factory.containsBeanDefinition("flywayInitializer")) {
                BeanDefinition sessions = factory.getBeanDefinition("sessionRepository");
                String[] before = sessions.getDependsOn() == null ? new String[0] : sessions.getDependsOn();
                String[] after = Arrays.copyOf(before, before.length + 1);
                after[before.length] = "flywayInitializer";
                sessions.setDependsOn(after);
            }
        };
    }

    @Bean
    ClusterNode clusterNode(ClusterSettings properties, Environment environment) {
        String name = properties.nodeId();
        if (name == null || name.isBlank()) {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
            name = host + ":" + environment.getProperty("server.port", "8080");
        }
        return new ClusterNode(name, UUID.randomUUID().toString());
    }

    @Bean
    CachingConnectionFactory rabbitConnectionFactory(ClusterSettings properties, ClusterNode node) {
        ClusterSettings.Rabbit rabbit = properties.rabbit();
        CachingConnectionFactory factory = new CachingConnectionFactory(rabbit.host(), rabbit.port());
        factory.setUsername(rabbit.username());
        factory.setPassword(rabbit.password());
        factory.setVirtualHost(rabbit.virtualHost());
        factory.setConnectionNameStrategy(f -> "relais " + node.name());
        return factory;
    }

    @Bean
    RabbitAdmin rabbitAdmin(CachingConnectionFactory connectionFactory) {
        // declares the queues and exchanges below on every (re)connection: a restarted broker gets them back
        return new RabbitAdmin(connectionFactory);
    }

    @Bean
    JacksonJsonMessageConverter rabbitJsonConverter() {
        JacksonJsonMessageConverter converter = new JacksonJsonMessageConverter(
                "org.springframework.batch.integration.partition", "io.relais.cluster.internal");
        return converter;
    }

    @Bean
    RabbitTemplate rabbitTemplate(CachingConnectionFactory connectionFactory, JacksonJsonMessageConverter converter) {
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        template.setMessageConverter(converter);
        return template;
    }

    @Bean
    Queue partitionQueue() {
        return QueueBuilder.durable(ClusterSettings.PARTITION_QUEUE).build();
    }

    @Bean
    FanoutExchange feedsExchange() {
        return new FanoutExchange(ClusterSettings.FEEDS_EXCHANGE, true, false);
    }

    /**
     * This node's own queue of feed changes: gone with the node (exclusive, auto-delete). Not Spring AMQP's
     * AnonymousQueue: it asks for a leader locator that RabbitMQ 3.10 refuses on classic queues.
     */
    @Bean
    Queue feedChangesQueue(ClusterNode node) {
        return QueueBuilder.nonDurable("relais.feeds." + node.lockClientId()).exclusive().autoDelete().build();
    }

    @Bean
    Binding feedChangesBinding(Queue feedChangesQueue, FanoutExchange feedsExchange) {
        return BindingBuilder.bind(feedChangesQueue).to(feedsExchange);
    }

    @Bean
    DefaultLockRepository lockRepository(DataSource dataSource, ClusterNode node, ClusterSettings properties) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource, node.lockClientId());
        repository.setTimeToLive((int) properties.leaseTime().toMillis());
        return repository;
    }

    @Bean
    JdbcLockRegistry lockRegistry(DefaultLockRepository lockRepository, ClusterSettings properties) {
        return new JdbcLockRegistry(lockRepository, properties.leaseTime());
    }

    /**
     * Every node stands for the poller role; the holder renews its lease each heart beat, and when it dies its
     * lease runs out after {@code relais.cluster.lease-time}: another node takes over within that time plus one
     * heart beat.
     */
    @Bean
    LockRegistryLeaderInitiator pollerElection(JdbcLockRegistry lockRegistry, ClusterNode node,
                                               ClusterSettings properties) {
        LockRegistryLeaderInitiator initiator = new LockRegistryLeaderInitiator(lockRegistry,
                new DefaultCandidate(node.name(), POLLER_ROLE));
        long beat = Math.max(200, properties.leaseTime().toMillis() / 5);
        initiator.setHeartBeatMillis(beat);
        initiator.setBusyWaitMillis(beat);
        initiator.setAutoStartup(properties.manager());
        return initiator;
    }
}
