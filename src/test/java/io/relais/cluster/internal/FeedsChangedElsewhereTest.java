package io.relais.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.PlatformTransactionManager;

import io.relais.RelaisIntegrationTest;
import io.relais.cluster.FeedsChangedElsewhere;
import io.relais.translation.TargetLanguages;

/**
 * Another node's feed change, received from the broker (on a thread with no transaction), reaches the publishing
 * module's {@code @ApplicationModuleListener}: this node rewrites its static copies. The broker itself is not
 * needed here: the message is handed to the listener as its container would.
 */
class FeedsChangedElsewhereTest extends RelaisIntegrationTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    EventPublicationRegistry registry;

    @Autowired
    EventSerializer serializer;

    @Autowired
    TargetLanguages languages;

    @Test
    void aChangeAnnouncedByAnotherNodeRewritesThisNodesStaticCopies() throws IOException {
        Path copy = FEEDS.resolve("es").resolve("feed.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(copy));
        Files.delete(copy);
        CachingConnectionFactory unused = new CachingConnectionFactory("127.0.0.1");
        FeedChangeListener listener = new FeedChangeListener(unused, new RabbitAdmin(unused), new Queue("unused"),
                new JacksonJsonMessageConverter(), events, new ClusterNode("this node", "this-node"),
                transactionManager, languages);
        try {
            listener.received(new FeedChangeMessage("another-node", List.of("es")));

            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(copy));
            await().atMost(Duration.ofSeconds(10)).until(() -> registry.findIncompletePublications().stream()
                    .noneMatch(p -> p.getEvent() instanceof FeedsChangedElsewhere));
        } finally {
            listener.stop();
            unused.destroy();
        }
    }

    @Test
    void afterAnOutageOfTheBrokerEveryLanguageIsTakenAsChangedSinceItsAnnouncementsWereLost() throws IOException {
        Path spanish = FEEDS.resolve("es").resolve("feed.json");
        Path catalan = FEEDS.resolve("ca").resolve("feed.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(spanish) && Files.exists(catalan));
        CachingConnectionFactory unused = new CachingConnectionFactory("127.0.0.1");
        FeedChangeListener listener = new FeedChangeListener(unused, new RabbitAdmin(unused), new Queue("unused"),
                new JacksonJsonMessageConverter(), events, new ClusterNode("this node", "this-node"),
                transactionManager, languages);
        try {
            listener.connected();   // the first connection: nothing was missed
            Files.delete(spanish);
            Files.delete(catalan);
            listener.connected();   // connected again after an outage

            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(spanish) && Files.exists(catalan));
        } finally {
            listener.stop();
            unused.destroy();
        }
    }

    @Test
    void theEventReadsBackAsItWasStoredForARepublicationAfterARestart() {
        FeedsChangedElsewhere event = new FeedsChangedElsewhere(List.of("es", "ca"));
        assertThat(serializer.deserialize(serializer.serialize(event), FeedsChangedElsewhere.class)).isEqualTo(event);
    }
}
