package io.relais.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.OptimisticLockingFailureException;

import io.relais.batch.LocalizeRuns;
import io.relais.batch.LocalizeSteps;

/**
 * The elected node's two-look rule for express runs shown running, each naming the lease of the process that manages
 * it: run out at one look, the run is only suspect; run out at the next look too, with the same expiry, it is
 * abandoned with the reason and a backlog run is started for its articles; a renewed lease clears the suspicion.
 */
class ExpressRunOrphansTest {

    private static final String MANAGER = RunManagerLease.EXPRESS + "process-a";
    private static final Instant EXPIRED = Instant.parse("2026-01-10T12:00:00Z");

    private final PollingDuties duties = mock(PollingDuties.class);
    private final JobRepository jobRepository = mock(JobRepository.class);
    private final LocalizeRuns runs = mock(LocalizeRuns.class);
    private final RunManagerLease leases = mock(RunManagerLease.class);
    private final JobExecution run = express(11, MANAGER);
    private ExpressRunOrphans orphans;

    @BeforeEach
    void electedWithAnExpressRunShownRunning() {
        when(duties.elected()).thenReturn(true);
        when(jobRepository.findRunningJobExecutions(LocalizeSteps.EXPRESS_JOB)).thenReturn(Set.of(run));
        orphans = new ExpressRunOrphans(duties, jobRepository, runs, RunResumptionTest.clusterSettings(), leases);
    }

    @Test
    void aManagersLeaseRunOutAtOneLookOnlyMakesTheRunSuspect() {
        when(leases.stateOf(MANAGER)).thenReturn(runOut(EXPIRED));

        orphans.look();

        verify(runs, never()).abandonExpress(any(), anyString());
        verify(runs, never()).startSoon();
    }

    @Test
    void aManagersLeaseRunOutAtTwoLooksInARowAbandonsTheRunWithTheReasonAndStartsABacklogRun() {
        when(leases.stateOf(MANAGER)).thenReturn(runOut(EXPIRED));

        orphans.look();
        orphans.look();

        ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
        verify(runs).abandonExpress(eq(run), reason.capture());
        assertThat(reason.getValue()).contains(MANAGER).contains(EXPIRED.toString());
        verify(runs).startSoon();
    }

    @Test
    void aLeaseRenewedBetweenTwoLooksClearsTheSuspicion() {
        RunManagerLease.State renewed = new RunManagerLease.State(true, EXPIRED.plusSeconds(30));
        when(leases.stateOf(MANAGER)).thenReturn(runOut(EXPIRED), renewed, runOut(EXPIRED), runOut(EXPIRED));

        orphans.look();
        orphans.look();
        orphans.look();
        verify(runs, never()).abandonExpress(any(), anyString());

        orphans.look();   // run out at two looks in a row again
        verify(runs, times(1)).abandonExpress(eq(run), anyString());
    }

    @Test
    void aLeaseThatRanOutAgainAtAnotherExpiryIsOnlySuspectedAgain() {
        when(leases.stateOf(MANAGER)).thenReturn(runOut(EXPIRED), runOut(EXPIRED.plusSeconds(30)));

        orphans.look();
        orphans.look();

        verify(runs, never()).abandonExpress(any(), anyString());
    }

    @Test
    void aRunWhoseManagerIsAliveIsLeftAloneWhileAnotherNodesOrphanIsAbandoned() {
        String other = RunManagerLease.EXPRESS + "process-b";
        JobExecution alive = express(12, other);
        when(jobRepository.findRunningJobExecutions(LocalizeSteps.EXPRESS_JOB)).thenReturn(Set.of(run, alive));
        when(leases.stateOf(MANAGER)).thenReturn(runOut(EXPIRED));
        when(leases.stateOf(other)).thenReturn(new RunManagerLease.State(true, EXPIRED.plusSeconds(300)));

        orphans.look();
        orphans.look();

        verify(runs).abandonExpress(eq(run), anyString());
        verify(runs, never()).abandonExpress(eq(alive), anyString());
        verify(runs, times(1)).startSoon();
    }

    @Test
    void aRunThatNamesNoManagerIsAbandonedAtTheSecondLook() {
        JobExecution older = express(13, null);
        when(jobRepository.findRunningJobExecutions(LocalizeSteps.EXPRESS_JOB)).thenReturn(Set.of(older));

        orphans.look();
        verify(runs, never()).abandonExpress(any(), anyString());
        orphans.look();

        verify(runs).abandonExpress(eq(older), anyString());
    }

    @Test
    void aRunThatCouldNotBeAbandonedIsTriedAgainAtTheNextLook() {
        when(leases.stateOf(MANAGER)).thenReturn(runOut(EXPIRED));
        doThrow(new OptimisticLockingFailureException("a worker recorded a partition")).doNothing()
                .when(runs).abandonExpress(eq(run), anyString());

        orphans.look();
        orphans.look();
        verify(runs, never()).startSoon();
        orphans.look();

        verify(runs, times(2)).abandonExpress(eq(run), anyString());
        verify(runs).startSoon();
    }

    @Test
    void aNodeNotElectedNeverLooks() {
        when(duties.elected()).thenReturn(false);

        orphans.look();
        orphans.look();

        verify(jobRepository, never()).findRunningJobExecutions(anyString());
        verify(runs, never()).abandonExpress(any(), anyString());
    }

    private static RunManagerLease.State runOut(Instant at) {
        return new RunManagerLease.State(false, at);
    }

    private static JobExecution express(long id, String manager) {
        JobParametersBuilder parameters = new JobParametersBuilder().addString(LocalizeSteps.ARTICLES, "1,2");
        if (manager != null) {
            parameters.addString(LocalizeSteps.MANAGER, manager, false);
        }
        return new JobExecution(id, new JobInstance(id, LocalizeSteps.EXPRESS_JOB), parameters.toJobParameters());
    }
}
