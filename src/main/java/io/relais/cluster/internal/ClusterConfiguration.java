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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

import io.relais.cluster.ClusterSettings;
import io.relais.ingest.PollingControl;

/**
 * Only with {@code relais.cluster.enabled=true}: the broker connection, the poller lease on the shared database,
 * and editors' sessions in the database so that any node can serve them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "relais.cluster", name = "enabled", havingValue = "true")
@EnableIntegration
@EnableJdbcHttpSession
@EnableConfigurationProperties(ClusterSettings.class)
public class ClusterConfiguration {

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
        factory.setRequestedHeartBeat((int) Math.max(1, rabbit.heartbeat().toSeconds()));
        // a connection attempt lost on a bad link (a dropped SYN or handshake) is given up after a heartbeat, not the
        // client's 60 s: the node's consumers are back within seconds of the link healing
        factory.setConnectionTimeout((int) Math.max(1000, rabbit.heartbeat().toMillis()));
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

    /** The express lane's partitions: a queue of their own, so that they never wait behind the backlog's slices. */
    @Bean
    Queue expressQueue() {
        return QueueBuilder.durable(ClusterSettings.EXPRESS_QUEUE).build();
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

    /**
     * Every manager node stands for the poller role (feeds, inbox, scheduled runs): a lease on the database's clock,
     * renewed by its holder; when the holder dies or is cut off, another node takes over within
     * {@code relais.cluster.lease-time} plus a fifth of it, and the holder has stopped polling before that.
     */
    @Bean
    PollerLease pollerLease(DataSource dataSource, ClusterNode node, PollingControl polling,
                            ClusterSettings properties) {
        return new PollerLease(new JdbcTemplate(dataSource), node, polling, properties.leaseTime(),
                properties.sourceSyncInterval(), properties.manager());
    }

    /** The lease of whichever node manages the localize run going on (one at a time in a cluster). */
    @Bean
    RunManagerLease localizeManagerLease(DataSource dataSource, ClusterNode node, ClusterSettings properties) {
        return new RunManagerLease(dataSource, node, properties, RunManagerLease.LOCALIZE);
    }

    /**
     * This process's lease for its express runs (one at a time on a node): a row of its own, so that a node that
     * comes back under the same name does not make the runs of its previous life look alive.
     */
    @Bean
    RunManagerLease expressManagerLease(DataSource dataSource, ClusterNode node, ClusterSettings properties) {
        return new RunManagerLease(dataSource, node, properties, RunManagerLease.EXPRESS + node.lockClientId());
    }
}
