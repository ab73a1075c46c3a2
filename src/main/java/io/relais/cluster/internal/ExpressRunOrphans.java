package io.relais.cluster.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import io.relais.batch.LocalizeRuns;
import io.relais.batch.LocalizeSteps;
import io.relais.cluster.ClusterSettings;

/**
 * An express run runs on the node that took its articles, which renews a lease of its own while it does
 * ({@link RunManagerLease}, named in the run's parameter {@value LocalizeSteps#MANAGER}). The node elected to poll
 * looks every {@code relais.cluster.resume-after}: an express run shown running whose manager's lease ran out, at
 * this look and at the one before with the same expiry, is marked ABANDONED with the reason, and a backlog run is
 * started for what its articles still miss (claims keep every translation stored once, whoever gets there first).
 * ABANDONED rather than FAILED: an abandoned run cannot be restarted, so its manager, should it come back (paused, cut
 * off from the database), stops waiting for it at its next look and nobody runs it again beside the backlog run.
 * A run that names no manager (started by an older version) counts as one whose manager is gone.
 */
@Component
@ConditionalOnProperty(prefix = "relais.cluster", name = "enabled", havingValue = "true")
class ExpressRunOrphans implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ExpressRunOrphans.class);
    /** Lease rows of express managers that ran out this long ago belong to processes gone for good. */
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final PollingDuties duties;
    private final JobRepository jobRepository;
    private final LocalizeRuns runs;
    private final RunManagerLease leases;
    private final Duration every;
    private final OrphanSightings sightings = new OrphanSightings();

    ExpressRunOrphans(PollingDuties duties, JobRepository jobRepository, LocalizeRuns runs, ClusterSettings cluster,
                      @Qualifier("expressManagerLease") RunManagerLease leases) {
        this.duties = duties;
        this.jobRepository = jobRepository;
        this.runs = runs;
        this.leases = leases;
        this.every = cluster.resumeAfter();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::look, every);
    }

    /** One look: the express runs whose manager's lease ran out at two looks in a row ({@link OrphanSightings}). */
    void look() {
        if (!duties.elected()) {
            sightings.lookDone();   // nothing seen: an elected node starts afresh
            return;
        }
        int abandoned = 0;
        try {
            for (JobExecution run : jobRepository.findRunningJobExecutions(LocalizeSteps.EXPRESS_JOB)) {
                String manager = run.getJobParameters().getString(LocalizeSteps.MANAGER);
                RunManagerLease.State lease = manager == null ? new RunManagerLease.State(false, null)
                        : leases.stateOf(manager);
                if (lease.live()) {
                    continue;
                }
                if (!sightings.secondLook(run.getId(), lease.expiredAt())) {
                    continue;
                }
                if (abandon(run, manager, lease)) {
                    abandoned++;
                } else {
                    sightings.again(run.getId(), lease.expiredAt());
                }
            }
            leases.forgetRunOut(RunManagerLease.EXPRESS, FORGET_AFTER);
        } catch (RuntimeException e) {
            log.debug("Cannot look for express runs whose manager is gone now: {}", e.getMessage());
        }
        sightings.lookDone();
        if (abandoned > 0) {
            runs.startSoon();
        }
    }

    private boolean abandon(JobExecution run, String manager, RunManagerLease.State lease) {
        String why = lease.expiredAt() != null
                ? "the lease of its manager " + manager + " ran out at " + lease.expiredAt()
                        + " (the manager died or could not record its end)"
                : manager == null ? "it names no manager" : "its manager " + manager + " holds no lease";
        String reason = "no node manages it: " + why + "; what its articles still miss is done by a backlog run";
        try {
            runs.abandonExpress(run, reason);   // logged with the reason
            return true;
        } catch (RuntimeException e) {
            // a worker recorded one of its partitions meanwhile: the run is read afresh at the next look
            log.info("Express run #{} not abandoned now ({}): tried again at the next look", run.getId(),
                    e.getMessage());
            return false;
        }
    }
}
