package io.relais.batch.internal.remote;


import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.transaction.PlatformTransactionManager;

import io.relais.article.Article;
import io.relais.translation.TranslationResult;
import io.relais.translation.Translations;
import io.relais.batch.LocalizeStepListener;
import io.relais.batch.internal.LanguageFeedsListener;
import io.relais.batch.internal.LanguagePartitioner;
import io.relais.batch.internal.LocalizeJobConfiguration;
import io.relais.batch.internal.LocalizeProcessor;
import io.relais.batch.internal.TranslationWriter;
import io.relais.cluster.ClusterNode;
import io.relais.cluster.ClusterProperties;
import io.relais.batch.LocalizeSettings;
import io.relais.translation.TargetLanguages;

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
                .handle(Amqp.outboundAdapter(rabbitTemplate).routingKey(ClusterProperties.PARTITION_QUEUE))
                .get();
    }

    @Bean
    SlicePartitioner slicePartitioner(TargetLanguages languages, Translations translations, ClusterProperties cluster,
                                      LocalizeSettings settings) {
        return new SlicePartitioner(new LanguagePartitioner(languages.languages()), translations, cluster.sliceSize(),
                settings.maxAttempts(), settings.maxItemsPerRun());
    }

    /** Replaces the local {@code localize} step: same name, so the job and its history look the same. */
    @Bean
    Step localizeStep(JobRepository jobRepository, SlicePartitioner slicePartitioner,
                      DirectChannel partitionRequests, ClusterProperties cluster) throws Exception {
        MessagingTemplate messaging = new MessagingTemplate();
        messaging.setDefaultChannel(partitionRequests);
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setStepName(LocalizeJobConfiguration.WORKER_STEP);
        handler.setMessagingOperations(messaging);
        handler.setJobRepository(jobRepository);
        handler.setPollInterval(cluster.pollInterval().toMillis());
        handler.setTimeout(cluster.partitionTimeout().toMillis());
        handler.afterPropertiesSet();
        return new StepBuilder("localize", jobRepository)
                .partitioner(LocalizeJobConfiguration.WORKER_STEP, slicePartitioner)
                .partitionHandler(handler)
                .build();
    }

    /**
     * The worker's step: the local job's processor, writer and feed announcement (the slice's language, once the
     * slice stored something), reading one slice.
     */
    @Bean
    Step sliceStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                   SliceReader sliceReader, LocalizeProcessor localizeProcessor, TranslationWriter translationWriter,
                   LanguageFeedsListener languageFeedsListener, ObjectProvider<LocalizeStepListener> listeners,
                   LocalizeSettings settings) {
        ChunkOrientedStepBuilder<Article, TranslationResult> step =
                new StepBuilder(LocalizeJobConfiguration.WORKER_STEP, jobRepository)
                        .<Article, TranslationResult>chunk(settings.chunkSize())
                        .transactionManager(transactionManager)
                        .reader(sliceReader)
                        .processor(localizeProcessor)
                        .writer(translationWriter);
        step.listener(languageFeedsListener);   // the slice's language feeds, once it stored something
        listeners.orderedStream().forEach(step::listener);
        return step.build();
    }

    @Bean
    @StepScope
    SliceReader sliceReader(Translations translations, LocalizeSettings settings) {
        return new SliceReader(translations, settings.maxAttempts(), settings.maxItemsPerRun());
    }

    @Bean
    PartitionRequestHandler partitionRequestHandler(JobRepository jobRepository, @Qualifier("sliceStep") Step sliceStep,
                                                    ClusterNode node) {
        // the cluster module names this node (relais.cluster.node-id, else host and server port): one name in every log
        return new PartitionRequestHandler(jobRepository, sliceStep, node.name());
    }

    /**
     * Only on nodes with the worker role: one slice at a time per consumer (prefetch 1), acknowledged after it
     * ran; a request that cannot be handled is logged and dropped (the manager's timeout then fails the run).
     */
    @Bean
    @ConditionalOnExpression("'${relais.cluster.roles:manager,worker}'.contains('worker')")
    IntegrationFlow partitionRequestsFromBroker(CachingConnectionFactory connectionFactory,
                                                JacksonJsonMessageConverter converter,
                                                PartitionRequestHandler partitionRequestHandler,
                                                ClusterProperties cluster) {
        return IntegrationFlow.from(Amqp.inboundAdapter(connectionFactory, ClusterProperties.PARTITION_QUEUE)
                        .messageConverter(converter)
                        .configureContainer(container -> container
                                .prefetchCount(1)
                                .concurrentConsumers(cluster.workerConcurrency())
                                .defaultRequeueRejected(false)))
                .handle(StepExecutionRequest.class, (request, headers) -> {
                    partitionRequestHandler.handle(request);
                    return null;
                })
                .get();
    }
}
