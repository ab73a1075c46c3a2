package io.relais.batch.internal;

import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import io.relais.batch.LocalizeSteps;
import io.relais.batch.RemotePartitions;
import io.relais.translation.TargetLanguages;

/**
 * The express lane's job ({@value LocalizeSteps#EXPRESS_JOB}): the articles of one run (a job parameter) translated
 * into every language at once, one partition per language — on threads of this process, or sent to the workers'
 * express queue in a cluster. Recorded in the job repository like the backlog's runs, and restartable: a restarted
 * run's partitions read only what is still missing.
 */
@Configuration(proxyBeanMethods = false)
class ExpressJobConfiguration {

    @Bean
    Job expressJob(JobRepository jobRepository, Step expressPartitions) {
        return new JobBuilder(LocalizeSteps.EXPRESS_JOB, jobRepository)
                .start(expressPartitions)
                .build();
    }

    @Bean
    Step expressPartitions(JobRepository jobRepository, LocalizeSteps localizeSteps, TargetLanguages targetLanguages,
                           ObjectProvider<RemotePartitions> remote) {
        List<String> languages = targetLanguages.languages();
        LanguagePartitioner byLanguage = new LanguagePartitioner(languages);
        RemotePartitions elsewhere = remote.getIfAvailable();
        PartitionHandler handler = elsewhere == null ? null : elsewhere.expressHandler();
        if (handler != null) {
            return new StepBuilder("express", jobRepository)
                    .partitioner(LocalizeSteps.EXPRESS_STEP, byLanguage)
                    .partitionHandler(handler)
                    .build();
        }
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("express-");
        executor.setConcurrencyLimit(languages.size());
        return new StepBuilder("express", jobRepository)
                .partitioner(LocalizeSteps.EXPRESS_STEP, byLanguage)
                .step(localizeSteps.expressStep())
                .gridSize(languages.size())
                .taskExecutor(executor)
                .build();
    }
}
