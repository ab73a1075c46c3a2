package io.relais.cluster.internal;

import java.time.Duration;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.relais.batch.BatchSettings;
import io.relais.batch.LocalizeSteps;
import io.relais.batch.RemotePartitions;
import io.relais.cluster.ClusterSettings;
import io.relais.translation.Translations;

/**
 * The localize job over several machines (Spring Batch remote partitioning): in cluster mode the job's
 * {@code localize} step becomes a manager step that splits the run per language and per slice of articles and
 * sends one JSON message per slice to a durable RabbitMQ queue; nodes with the {@code worker} role take the
 * messages one at a time, translate, check and store the slice in PostgreSQL, and the manager learns that slices
 * are done by polling the shared job repository. Messages are acknowledged only after the slice ran: a worker that
 * dies leaves its message to another worker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "relais.cluster", name = "enabled", havingValue = "true")
public class RemotePartitioningConfiguration {

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow partitionRequestsToBroker(DirectChannel partitionRequests, RabbitTemplate rabbitTemplate) {
        return IntegrationFlow.from(partitionRequests)
                .handle(Amqp.outboundAdapter(rabbitTemplate).routingKey(ClusterSettings.PARTITION_QUEUE))
                .get();
    }

    @Bean
    DirectChannel expressRequests() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow expressRequestsToBroker(DirectChannel expressRequests, RabbitTemplate rabbitTemplate) {
        return IntegrationFlow.from(expressRequests)
                .handle(Amqp.outboundAdapter(rabbitTemplate).routingKey(ClusterSettings.EXPRESS_QUEUE))
                .get();
    }

    /**
     * Replaces the local partitions of the job's {@code localize} step (same step, so its history looks the same) and
     * of the express lane's runs.
     */
    @Bean
    RemotePartitions remotePartitions(JobRepository jobRepository, DirectChannel partitionRequests,
                                      DirectChannel expressRequests, Translations translations,
                                      ClusterSettings cluster, BatchSettings settings) {
        return new RemotePartitions() {
            /**
             * The express run's languages to the workers' express queue. The run ends when its last language is done:
             * the manager reads the repository more often than for the backlog's slices (the next express run waits
             * for it; what the workers store is published by them as soon as it is stored, whatever the manager does).
             */
            @Override
            public PartitionHandler expressHandler() {
                return handler(expressRequests, LocalizeSteps.EXPRESS_STEP,
                        Math.min(cluster.pollInterval().toMillis(), 200));
            }

            @Override
            public Partitioner partitioner(Partitioner byLanguage) {
                return new SlicePartitioner(byLanguage, translations, cluster.sliceSize(), settings.maxAttempts(),
                        settings.maxItemsPerRun());
            }

            @Override
            public boolean translatesHere() {
                return cluster.worker();
            }

            @Override
            public PartitionHandler handler() {
                return handler(partitionRequests, LocalizeSteps.WORKER_STEP, cluster.pollInterval().toMillis());
            }

            private PartitionHandler handler(DirectChannel requests, String step, long pollMillis) {
                MessagingTemplate messaging = new MessagingTemplate();
                messaging.setDefaultChannel(requests);
                return new SliceHandOut(jobRepository, messaging, step, Duration.ofMillis(pollMillis),
                        cluster.partitionTimeout());
            }
        };
    }

    /**
     * The worker's step: the local job's processor, writer and feed announcement (the slice's language, once the
     * slice stored something), reading one slice.
     */
    @Bean
    Step sliceStep(LocalizeSteps localizeSteps, SliceReader sliceReader) {
        return localizeSteps.workerStep(sliceReader);
    }

    @Bean
    @StepScope
    SliceReader sliceReader(Translations translations, BatchSettings settings) {
        return new SliceReader(translations, settings.maxAttempts(), settings.maxItemsPerRun());
    }

    @Bean
    PartitionRequestHandler partitionRequestHandler(JobRepository jobRepository, @Qualifier("sliceStep") Step sliceStep,
                                                    ClusterNode node) {
        // the cluster module names this node (relais.cluster.node-id, else host and server port): one name in every log
        return new PartitionRequestHandler(jobRepository, sliceStep, node.name());
    }

    /**
     * Only on nodes with the worker role: one slice at a time per consumer (prefetch 1), acknowledged once the job
     * repository records its end; a slice that could not be run, or whose end could not be recorded (the database
     * out of reach), is handed back to the queue for any worker.
     */
    @Bean
    @Conditional(WorkerRole.class)
    IntegrationFlow partitionRequestsFromBroker(CachingConnectionFactory connectionFactory,
                                                JacksonJsonMessageConverter converter,
                                                PartitionRequestHandler partitionRequestHandler,
                                                ClusterSettings cluster) {
        return IntegrationFlow.from(Amqp.inboundAdapter(connectionFactory, ClusterSettings.PARTITION_QUEUE)
                        .messageConverter(converter)
                        .configureContainer(container -> container
                                .prefetchCount(1)
                                .concurrentConsumers(cluster.workerConcurrency())
                                // a slice that could not be run or whose end could not be recorded goes back to
                                // the queue (a message that cannot even be read is still dropped, and logged)
                                .defaultRequeueRejected(true)))
                .handle(StepExecutionRequest.class, (request, headers) -> {
                    partitionRequestHandler.handle(request);
                    return null;
                })
                .get();
    }

    /**
     * Only on nodes with the worker role: the express lane's partitions, beside the backlog's and ahead of them (the
     * backlog's steps on this node yield to an express step between chunks), several at once (one per language of a
     * run), acknowledged after they ran, like the slices.
     */
    @Bean
    @Conditional(WorkerRole.class)
    IntegrationFlow expressRequestsFromBroker(CachingConnectionFactory connectionFactory,
                                              JacksonJsonMessageConverter converter, LocalizeSteps localizeSteps,
                                              JobRepository jobRepository, ClusterNode node, ClusterSettings cluster) {
        PartitionRequestHandler express = new PartitionRequestHandler(jobRepository, localizeSteps.expressStep(),
                node.name());
        return IntegrationFlow.from(Amqp.inboundAdapter(connectionFactory, ClusterSettings.EXPRESS_QUEUE)
                        .messageConverter(converter)
                        .configureContainer(container -> container
                                .prefetchCount(1)
                                .concurrentConsumers(cluster.expressConcurrency())
                                // as the slices: a language whose end could not be recorded goes back to the queue
                                .defaultRequeueRejected(true)))
                .handle(StepExecutionRequest.class, (request, headers) -> {
                    express.handle(request);
                    return null;
                })
                .get();
    }

    /** This node has the worker role ({@code relais.cluster.roles}, read through {@link ClusterSettings}). */
    static class WorkerRole implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bindOrCreate("relais.cluster", ClusterSettings.class).worker();
        }
    }
}
