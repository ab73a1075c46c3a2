package io.relais.batch.internal;

import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.RunIdIncrementer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
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
import io.relais.batch.LocalizeStepListener;
import io.relais.translation.TargetLanguages;
import io.relais.quality.TranslationQuality;
import io.relais.engine.Translator;

/** The {@code localize} job: one partition per target language, each a chunk-oriented translate-and-check step. */
@Configuration(proxyBeanMethods = false)
public class LocalizeJobConfiguration {

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
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("localize-");
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

    /** The worker step around any reader: the local one below, a cluster's slice reader on its worker nodes. */
    @Bean
    LocalizeSteps localizeSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                LocalizeProcessor localizeProcessor, TranslationWriter translationWriter,
                                ObjectProvider<LocalizeStepListener> listeners,
                                LanguageFeedsListener languageFeedsListener, BatchSettings settings) {
        return reader -> {
            ChunkOrientedStepBuilder<Article, TranslationResult> step =
                    new StepBuilder(LocalizeSteps.WORKER_STEP, jobRepository)
                            .<Article, TranslationResult>chunk(settings.chunkSize())
                            .transactionManager(transactionManager)
                            .reader(reader)
                            .processor(localizeProcessor)
                            .writer(translationWriter);
            step.listener(languageFeedsListener);   // the partition's language feeds, once it stored something
            listeners.orderedStream().forEach(step::listener);
            return step.build();
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
        return new LocalizeProcessor(translator, quality, lang, settings.maxWordsPerArticle(), localizeStageTimes,
                traces);
    }

    @Bean
    TranslationWriter translationWriter(Translations translations, LocalizeStageTimes localizeStageTimes) {
        return new TranslationWriter(translations, localizeStageTimes);
    }
}
