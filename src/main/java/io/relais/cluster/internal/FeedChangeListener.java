package io.relais.cluster.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.relais.cluster.FeedsChangedElsewhere;

/**
 * Receives the other nodes' feed changes and publishes them here as {@link FeedsChangedElsewhere}, at most once
 * every half second: a run stores hundreds of chunks, the feeds need rebuilding once. The event is published in a
 * transaction: its listeners are {@code @ApplicationModuleListener}s, which only hear events whose transaction
 * committed (the registry records it meanwhile).
 */
@Component
@ConditionalOnProperty(prefix = "relais.cluster", name = "enabled", havingValue = "true")
class FeedChangeListener implements SmartLifecycle {

    private static final long COALESCE_MS = 500;

    private final SimpleMessageListenerContainer container;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ClusterNode node;
    private final Set<String> pending = new LinkedHashSet<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feed-changes");
        t.setDaemon(true);
        return t;
    });

    FeedChangeListener(CachingConnectionFactory connectionFactory, RabbitAdmin admin, @Qualifier("feedChangesQueue") Queue feedChangesQueue,
                       JacksonJsonMessageConverter converter, ApplicationEventPublisher events, ClusterNode node,
                       PlatformTransactionManager transactionManager) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.node = node;
        this.container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueues(feedChangesQueue);
        // declares this node's queue again after a broker restart (it is auto-delete: gone with the connection)
        container.setAmqpAdmin(admin);
        container.setMessageListener(message -> received((FeedChangeMessage) converter.fromMessage(message)));
    }

    void received(FeedChangeMessage message) {
        if (node.lockClientId().equals(message.origin())) {
            return;
        }
        synchronized (pending) {
            boolean first = pending.isEmpty();
            pending.addAll(message.languages());
            if (first) {
                flusher.schedule(this::flush, COALESCE_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void flush() {
        ArrayList<String> languages;
        synchronized (pending) {
            languages = new ArrayList<>(pending);
            pending.clear();
        }
        transaction.executeWithoutResult(status -> events.publishEvent(new FeedsChangedElsewhere(languages)));
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
        flusher.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }
}
