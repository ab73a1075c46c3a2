package io.relais.batch.internal;

import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.relais.batch.TranslationsReady;

/** Tells the rest of Relais when a run has ended, so that feeds are regenerated. */
@Component
class LocalizeJobListener implements JobExecutionListener {

    private final ApplicationEventPublisher events;
    private final List<String> languages;
    private final LocalizeRunTracker tracker;

    LocalizeJobListener(ApplicationEventPublisher events, @Value("${relais.languages}") List<String> languages,
                        LocalizeRunTracker tracker) {
        this.events = events;
        this.languages = languages;
        this.tracker = tracker;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        tracker.started(jobExecution.getId());
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        events.publishEvent(new TranslationsReady(jobExecution.getId(), languages, jobExecution.getStatus().name()));
    }
}
