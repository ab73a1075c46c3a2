package io.relais.batch.internal;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Lets whoever asked for a run learn its id as soon as it starts. Feeds are announced per language when its
 * partition ends ({@link LanguageFeedsListener}), not here at the end of the run.
 */
@Component
class LocalizeJobListener implements JobExecutionListener {

    private final LocalizeRunTracker tracker;

    LocalizeJobListener(LocalizeRunTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        tracker.started(jobExecution.getId());
    }
}
