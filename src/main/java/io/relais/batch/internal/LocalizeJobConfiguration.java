package io.relais.batch.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.RunIdIncrementer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.MeterRegistry;

import io.relais.article.ArticleTraces;
import io.relais.article.Article;
import io.relais.batch.LocalizeSteps;
import io.relais.batch.RemotePartitions;
import io.relais.translation.TranslationResult;
import io.relais.translation.Translations;
import io.relais.batch.BatchSettings;
import io.relais.batch.ExpressLane;
import io.relais.batch.LocalizeStepListener;
import io.relais.batch.TranslationClaims;
import io.relais.translation.TargetLanguages;
import io.relais.quality.TranslationQuality;
import io.relais.engine.Translator;

/** The {@code localize} job: one partition per target language, each a chunk-oriented translate-and-check step. */
@Configuration(proxyBeanMethods = false)
public class LocalizeJobConfiguration {

    /** The job repository's calls ride out a database that dropped its connections ({@link RepositoryRetry}). */
    @Bean
    static RepositoryRetry repositoryRetry(ObjectProvider<BatchSettings> settings) {
        return new RepositoryRetry(settings);
    }

    @Bean
    Job localizeJob(JobRepository jobRepository, Step localizeStep, LocalizeJobListener listener) {
        return new JobBuilder(LocalizeSteps.JOB_NAME, jobRepository)
                .incrementer(new RunIdIncrementer())
                .listener(listener)
                .start(localizeStep)
                .build();
    }

    /**
     * One partition per language, each on a thread of this process; where partitions run elsewhere (a cluster's
     * {@link RemotePartitions}), the same step split and handed out their way.
     */
    @Bean
    Step localizeStep(JobRepository jobRepository, Step translateLanguageStep, TargetLanguages targetLanguages,
                      BatchSettings settings, ObjectProvider<RemotePartitions> remote) {
        List<String> languages = targetLanguages.languages();
        LanguagePartitioner byLanguage = new LanguagePartitioner(languages);
        RemotePartitions elsewhere = remote.getIfAvailable();
        if (elsewhere != null) {
            return new StepBuilder("localize", jobRepository)
                    .partitioner(LocalizeSteps.WORKER_STEP, elsewhere.partitioner(byLanguage))
                    .partitionHandler(elsewhere.handler())
                    .build();
        }
        // the backlog's threads, below the express lane's in the kernel's eyes (BacklogThreads)
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(new BacklogThreads("localize-"));
        executor.setConcurrencyLimit(threads(settings.threads(), languages.size()));
        return new StepBuilder("localize", jobRepository)
                .partitioner(LocalizeSteps.WORKER_STEP, byLanguage)
                .step(translateLanguageStep)
                .gridSize(languages.size())
                .taskExecutor(executor)
                .build();
    }

    /**
     * Languages translated at once: by default ({@code relais.batch.threads=0}) all of them. Each language's
     * partition alternates between Apertium (other processes) and LanguageTool (this one); with fewer threads than
     * languages the last partitions of a run run alone and leave cores idle while a language waits for another.
     */
    public static int threads(int configured, int languages) {
        return configured > 0 ? configured : Math.max(1, languages);
    }

    /** Announces a language's feeds as its partition (or, in a cluster, its slice) ends: for both worker steps. */
    @Bean
    LanguageFeedsListener languageFeedsListener(Translations translations, LocalizeStageTimes localizeStageTimes) {
        return new LanguageFeedsListener(translations, localizeStageTimes);
    }

    /**
     * The worker steps: the backlog's around any reader (the local one below, a cluster's slice reader on its worker
     * nodes), and the express lane's.
     */
    @Bean
    LocalizeSteps localizeSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                LocalizeProcessor localizeProcessor, LocalizeProcessor expressProcessor,
                                ExpressArticlesReader expressArticlesReader, TranslationWriter translationWriter,
                                ObjectProvider<LocalizeStepListener> listeners,
                                LanguageFeedsListener languageFeedsListener, BatchSettings settings, LaneGate gate,
                                ObjectProvider<TranslationClaims> clusterClaims, Translations translations,
                                LocalizeStageTimes localizeStageTimes, ObjectProvider<ExpressLane> lane) {
        Duration claimWait = settings.express().claimWait();
        // on one machine the claims are kept in memory; a cluster brings its own, shared by the nodes
        TranslationClaims claims = clusterClaims.getIfAvailable(InProcessClaims::new);
        return new LocalizeSteps() {
            @Override
            public Step workerStep(ItemReader<Article> reader) {
                ChunkOrientedStepBuilder<Article, TranslationResult> step =
                        new StepBuilder(LocalizeSteps.WORKER_STEP, jobRepository)
                                .<Article, TranslationResult>chunk(settings.chunkSize())
                                // between chunks, the backlog yields to express work on this node
                                .transactionManager(new YieldingTransactionManager(transactionManager, gate))
                                .reader(new DeferringReader(reader, claims, claimWait))
                                .processor(new ClaimingProcessor(localizeProcessor, claims, translations,
                                        settings.maxAttempts()))
                                .writer(translationWriter);
                step.listener(languageFeedsListener);   // the partition's language feeds, once it stored something
                listeners.orderedStream().forEach(step::listener);
                return step.build();
            }

            @Override
            public Step expressStep() {
                ChunkOrientedStepBuilder<Article, TranslationResult> step =
                        new StepBuilder(LocalizeSteps.EXPRESS_STEP, jobRepository)
                                .<Article, TranslationResult>chunk(1)   // each article stored and announced when done
                                .transactionManager(transactionManager)
                                .reader(new DeferringReader(expressArticlesReader, claims, claimWait))
                                .processor(new ClaimingProcessor(expressProcessor, claims, translations,
                                        settings.maxAttempts()))
                                .writer(translationWriter);
                step.listener(new ExpressStepListener(gate, translations, localizeStageTimes, lane));
                listeners.orderedStream().forEach(step::listener);
                return step.build();
            }
        };
    }

    @Bean
    Step translateLanguageStep(LocalizeSteps localizeSteps, PendingTranslationReader pendingTranslationReader) {
        return localizeSteps.workerStep(pendingTranslationReader);
    }

    @Bean
    LocalizeStageTimes localizeStageTimes(ObjectProvider<MeterRegistry> registry) {
        return new LocalizeStageTimes(registry.getIfAvailable());
    }

    /** Reads the language's backlog a page at a time (a page is a few chunks), up to a cap per run. */
    @Bean
    @StepScope
    PendingTranslationReader pendingTranslationReader(Translations translations, LocalizeStageTimes localizeStageTimes,
                                                      @Value("#{stepExecutionContext['lang']}") String lang,
                                                      BatchSettings settings) {
        return new PendingTranslationReader(translations, lang, settings.maxAttempts(), settings.maxItemsPerRun(),
                Math.max(50, 4 * settings.chunkSize()), localizeStageTimes);
    }

    @Bean
    @StepScope
    LocalizeProcessor localizeProcessor(Translator translator, TranslationQuality quality,
                                        LocalizeStageTimes localizeStageTimes, ArticleTraces traces,
                                        @Value("#{stepExecutionContext['lang']}") String lang,
                                        BatchSettings settings) {
        // the backlog's engine calls are background work: Apertium pipelines of their own, at a lower priority
        return new LocalizeProcessor(translator, quality, lang, settings.maxWordsPerArticle(), localizeStageTimes,
                traces, null, true);
    }

    /** The express lane's: the same, with each article's segments translated at once on the express threads. */
    @Bean
    @StepScope
    LocalizeProcessor expressProcessor(Translator translator, TranslationQuality quality,
                                       LocalizeStageTimes localizeStageTimes, ArticleTraces traces,
                                       ExpressThreads expressThreads, @Value("#{stepExecutionContext['lang']}") String lang,
                                       BatchSettings settings) {
        return new LocalizeProcessor(translator, quality, lang, settings.maxWordsPerArticle(), localizeStageTimes,
                traces, expressThreads.forOneLanguage());
    }

    /** The express run's articles that still need the partition's language. */
    @Bean
    @StepScope
    ExpressArticlesReader expressArticlesReader(Translations translations,
                                                @Value("#{stepExecutionContext['lang']}") String lang,
                                                @Value("#{jobParameters['articles']}") String articles,
                                                BatchSettings settings) {
        return new ExpressArticlesReader(translations, lang, articles, settings.maxAttempts());
    }

    @Bean
    TranslationWriter translationWriter(Translations translations, LocalizeStageTimes localizeStageTimes) {
        return new TranslationWriter(translations, localizeStageTimes);
    }
}
