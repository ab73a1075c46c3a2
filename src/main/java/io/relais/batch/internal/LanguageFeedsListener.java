package io.relais.batch.internal;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import io.relais.batch.LocalizeSteps;
import io.relais.translation.Translations;

/**
 * Announces a language's new translations ({@code PublishedSetChanged}, through the translation store) as soon as
 * its partition ends, not when the slowest language of the run does, and only when the partition stored something:
 * feeds are rebuilt once per changed language and run, after the announcement commits.
 */
public class LanguageFeedsListener implements StepExecutionListener {

    private final Translations translations;
    private final LocalizeStageTimes times;

    public LanguageFeedsListener(Translations translations, LocalizeStageTimes times) {
        this.translations = translations;
        this.times = times;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getWriteCount() > 0 && step.getExecutionContext().containsKey(LocalizeSteps.LANG)) {
            String lang = step.getExecutionContext().getString(LocalizeSteps.LANG);
            long started = System.nanoTime();
            translations.announce(lang);
            times.add(LocalizeStageTimes.Stage.PUBLISH, System.nanoTime() - started);
        }
        return step.getExitStatus();
    }
}
