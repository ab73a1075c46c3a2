package io.relais.cluster.internal;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import io.relais.batch.BatchSettings;
import io.relais.batch.LocalizeRuns;
import io.relais.batch.RunSummary;
import io.relais.cluster.ClusterSettings;
import io.relais.translation.TargetLanguages;
import io.relais.translation.Translations;

/**
 * A run that failed because the database or the broker went away (its slices could not be handed out, or their end
 * could not be recorded) leaves its work waiting. The node elected to poll notices it, every
 * {@code relais.cluster.resume-after}: when no run is going on, the latest one did not complete and work waits, it
 * starts a run, which takes up what is still waiting (what the failed run stored is not done again). When the runs
 * it starts keep failing, it waits twice as long each time, up to half an hour. A run shown running whose manager is
 * gone ({@link RunManagerLease} run out at two looks in a row) is abandoned first, and its work resumed at the next look.
 */
@Component
@ConditionalOnProperty(prefix = "relais.cluster", name = "enabled", havingValue = "true")
class RunResumption implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RunResumption.class);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(30);

    private final PollingDuties duties;
    private final LocalizeRuns runs;
    private final Translations translations;
    private final List<String> languages;
    private final int maxAttempts;
    private final Duration every;
    private Duration wait;
    private long nextNanos = System.nanoTime();
    private long resumedAfter = -1;
    private final RunManagerLease managers;
    private final OrphanSightings sightings = new OrphanSightings();

    RunResumption(PollingDuties duties, LocalizeRuns runs, Translations translations, TargetLanguages languages,
                  BatchSettings batch, ClusterSettings cluster,
                  @Qualifier("localizeManagerLease") RunManagerLease managers) {
        this.duties = duties;
        this.managers = managers;
        this.runs = runs;
        this.translations = translations;
        this.languages = languages.languages();
        this.maxAttempts = batch.maxAttempts();
        this.every = cluster.resumeAfter();
        this.wait = every;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::resumeIfNeeded, every);
    }

    void resumeIfNeeded() {
        if (!duties.elected() || System.nanoTime() - nextNanos < 0) {
            return;
        }
        try {
            List<RunSummary> latest = runs.recent(1);
            if (!latest.isEmpty() && latest.get(0).running()) {
                abandonIfOrphaned(latest.get(0));
                return;
            }
            if (latest.isEmpty() || runs.debouncedRunPending()) {
                return;
            }
            RunSummary last = latest.get(0);
            if ("COMPLETED".equals(last.status())) {
                wait = every;
                return;
            }
            if (last.id() == resumedAfter) {
                return;   // the run started for it has not shown up yet
            }
            boolean waiting = languages.stream()
                    .anyMatch(lang -> translations.countNeedingTranslation(lang, maxAttempts) > 0);
            if (!waiting) {
                return;
            }
            log.info("Localize run #{} ended {} with work still waiting: starting a run for it", last.id(),
                    last.status());
            resumedAfter = last.id();
            runs.startSoon();
            nextNanos = System.nanoTime() + wait.toNanos();
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        } catch (RuntimeException e) {
            log.debug("Cannot check for a run to resume now: {}", e.getMessage());
        } finally {
            sightings.lookDone();
        }
    }

    /** Abandons the running run when no manager has renewed the run manager's lease ({@link OrphanSightings}). */
    private void abandonIfOrphaned(RunSummary running) {
        RunManagerLease.State lease = managers.state();
        if (lease.live() || !sightings.secondLook(running.id(), lease.expiredAt())) {
            return;
        }
        String reason = "no node has managed it since " + (lease.expiredAt() == null ? "it started"
                : lease.expiredAt() + " (the run manager's lease ran out: the manager died or could not record "
                + "its end)") + "; its pending work is resumed by a new run";
        runs.abandonRunning(reason);   // each logged with the reason
    }
}
