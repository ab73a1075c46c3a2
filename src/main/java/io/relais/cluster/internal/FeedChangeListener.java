package io.relais.cluster.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import io.relais.translation.TargetLanguages;

/**
 * Receives the other nodes' feed changes and publishes them here as {@link FeedsChangedElsewhere}, at most once
 * every half second: a run stores hundreds of chunks, the feeds need rebuilding once. The event is published in a
 * transaction: its listeners are {@code @ApplicationModuleListener}s, which only hear events whose transaction
 * committed (the registry records it meanwhile).
 * <p>
 * Changes announced while this node was cut off from the broker (or the broker was down) never reach it: when its
 * connection to the broker comes back, it takes every language as changed, so that it does not serve the feeds it
 * had before the outage.
 */
@Component
@ConditionalOnProperty(prefix = "relais.cluster", name = "enabled", havingValue = "true")
class FeedChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedChangeListener.class);
    private static final long COALESCE_MS = 500;
    private static final long RETRY_MS = 2_000;

    private final SimpleMessageListenerContainer container;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ClusterNode node;
    private final List<String> languages;
    private final AtomicBoolean connectedBefore = new AtomicBoolean();
    private final Set<String> pending = new LinkedHashSet<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feed-changes");
        t.setDaemon(true);
        return t;
    });

    FeedChangeListener(CachingConnectionFactory connectionFactory, RabbitAdmin admin, @Qualifier("feedChangesQueue") Queue feedChangesQueue,
                       JacksonJsonMessageConverter converter, ApplicationEventPublisher events, ClusterNode node,
                       PlatformTransactionManager transactionManager, TargetLanguages languages) {
        this.events = events;
        this.languages = languages.languages();
        this.transaction = new TransactionTemplate(transactionManager);
        this.node = node;
        this.container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueues(feedChangesQueue);
        // declares this node's queue again after a broker restart (it is auto-delete: gone with the connection)
        container.setAmqpAdmin(admin);
        container.setMessageListener(message -> received((FeedChangeMessage) converter.fromMessage(message)));
        connectionFactory.addConnectionListener(connection -> connected());
    }

    /** A connection to the broker was made: after the first, what was announced while there was none is lost. */
    void connected() {
        if (connectedBefore.getAndSet(true)) {
            changed(languages);
        }
    }

    void received(FeedChangeMessage message) {
        if (node.lockClientId().equals(message.origin())) {
            return;
        }
        changed(message.languages());
    }

    private void changed(List<String> changed) {
        changed(changed, COALESCE_MS);
    }

    /** Adds to the languages waiting; the first one waiting schedules their flush {@code delayMs} later. */
    private void changed(List<String> changed, long delayMs) {
        synchronized (pending) {
            boolean first = pending.isEmpty();
            pending.addAll(changed);
            if (first) {
                flusher.schedule(this::flush, delayMs, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void flush() {
        ArrayList<String> languages;
        synchronized (pending) {
            languages = new ArrayList<>(pending);
            pending.clear();
        }
        try {
            transaction.executeWithoutResult(status -> events.publishEvent(new FeedsChangedElsewhere(languages)));
        } catch (RuntimeException e) {
            // this node cannot reach the database (the event's record is written there): keep the languages, or the
            // announcement is lost and this node serves its old feeds until the next change
            log.warn("Could not take the feed changes of {} in ({}): trying again in {} ms", languages, e.getMessage(),
                    RETRY_MS);
            changed(languages, RETRY_MS);
        }
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
