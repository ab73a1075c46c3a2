package io.relais.batch.internal;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever asked for a run its execution id as soon as it starts. Feeds need no word from here: the
 * translation store announces each language whose published set a chunk changed.
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
