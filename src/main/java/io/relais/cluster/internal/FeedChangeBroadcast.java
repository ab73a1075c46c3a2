package io.relais.cluster.internal;

import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.relais.cluster.ClusterSettings;
import io.relais.cluster.FeedChanges;

/** Tells the other nodes (fan-out exchange) that feeds changed here; on one machine there is no one to tell. */
@Component
class FeedChangeBroadcast implements FeedChanges {

    private static final Logger log = LoggerFactory.getLogger(FeedChangeBroadcast.class);

    private final ObjectProvider<RabbitTemplate> rabbit;
    private final ObjectProvider<ClusterNode> node;

    FeedChangeBroadcast(ObjectProvider<RabbitTemplate> rabbit, ObjectProvider<ClusterNode> node) {
        this.rabbit = rabbit;
        this.node = node;
    }

    @Override
    public void announce(Collection<String> languages) {
        RabbitTemplate template = rabbit.getIfAvailable();
        if (template == null || languages.isEmpty()) {
            return;
        }
        try {
            template.convertAndSend(ClusterSettings.FEEDS_EXCHANGE, "",
                    new FeedChangeMessage(node.getObject().lockClientId(), List.copyOf(languages)));
        } catch (AmqpException e) {
            // the other nodes keep serving what they have until the next change reaches them
            log.warn("Could not tell the other nodes that the {} feeds changed: {}", languages, e.getMessage());
        }
    }
}
