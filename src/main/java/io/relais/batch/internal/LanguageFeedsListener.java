package io.relais.batch.internal;

import java.util.List;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ApplicationEventPublisher;

import io.relais.batch.TranslationsReady;

/**
 * Announces a language's new translations as soon as its partition ends, not when the slowest language of the run
 * does, and only when the partition stored something: feeds are rebuilt once per changed language and run.
 */
class LanguageFeedsListener implements StepExecutionListener {

    private final ApplicationEventPublisher events;
    private final LocalizeStageTimes times;

    LanguageFeedsListener(ApplicationEventPublisher events, LocalizeStageTimes times) {
        this.events = events;
        this.times = times;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getWriteCount() > 0 && step.getExecutionContext().containsKey(LanguagePartitioner.LANG)) {
            String lang = step.getExecutionContext().getString(LanguagePartitioner.LANG);
            long started = System.nanoTime();
            events.publishEvent(new TranslationsReady(step.getJobExecutionId(), List.of(lang), step.getStatus().name()));
            times.add(LocalizeStageTimes.Stage.PUBLISH, System.nanoTime() - started);
        }
        return step.getExitStatus();
    }
}
