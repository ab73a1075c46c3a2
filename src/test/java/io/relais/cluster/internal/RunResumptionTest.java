package io.relais.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.relais.batch.BatchSettings;
import io.relais.batch.LocalizeRuns;
import io.relais.batch.RunSummary;
import io.relais.cluster.ClusterSettings;
import io.relais.translation.TargetLanguages;
import io.relais.translation.Translations;

/**
 * The elected node's two-look rule for a localize run shown running: a run manager's lease run out at one look only
 * makes the run suspect; run out at the next look too, with the same expiry, the run is abandoned with the reason; a
 * lease renewed in between clears the suspicion.
 */
class RunResumptionTest {

    private static final Instant EXPIRED = Instant.parse("2026-01-10T12:00:00Z");

    private final PollingDuties duties = mock(PollingDuties.class);
    private final LocalizeRuns runs = mock(LocalizeRuns.class);
    private final RunManagerLease lease = mock(RunManagerLease.class);
    private RunResumption resumption;

    @BeforeEach
    void electedWithARunShownRunning() {
        when(duties.elected()).thenReturn(true);
        when(runs.recent(1)).thenReturn(List.of(running(7)));
        resumption = new RunResumption(duties, runs, mock(Translations.class), new TargetLanguages(List.of("es")),
                batchSettings(), clusterSettings(), lease);
    }

    @Test
    void aLeaseRunOutAtOneLookOnlyMakesTheRunSuspect() {
        when(lease.state()).thenReturn(runOut(EXPIRED));

        resumption.resumeIfNeeded();

        verify(runs, never()).abandonRunning(anyString());
    }

    @Test
    void aLeaseRunOutAtTwoLooksInARowWithTheSameExpiryAbandonsTheRunWithTheReason() {
        when(lease.state()).thenReturn(runOut(EXPIRED));

        resumption.resumeIfNeeded();
        resumption.resumeIfNeeded();

        ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
        verify(runs).abandonRunning(reason.capture());
        assertThat(reason.getValue()).contains(EXPIRED.toString()).contains("the run manager's lease ran out");
    }

    @Test
    void aLeaseRenewedBetweenTwoLooksClearsTheSuspicion() {
        when(lease.state()).thenReturn(runOut(EXPIRED), new RunManagerLease.State(true, EXPIRED.plusSeconds(30)),
                runOut(EXPIRED), runOut(EXPIRED));

        resumption.resumeIfNeeded();
        resumption.resumeIfNeeded();
        resumption.resumeIfNeeded();
        verify(runs, never()).abandonRunning(anyString());

        resumption.resumeIfNeeded();   // run out at two looks in a row again
        verify(runs, times(1)).abandonRunning(anyString());
    }

    @Test
    void aLeaseThatRanOutAgainAtAnotherExpiryIsOnlySuspectedAgain() {
        when(lease.state()).thenReturn(runOut(EXPIRED), runOut(EXPIRED.plusSeconds(30)));

        resumption.resumeIfNeeded();
        resumption.resumeIfNeeded();

        verify(runs, never()).abandonRunning(anyString());
    }

    @Test
    void anotherRunShownRunningAtTheSecondLookIsOnlySuspected() {
        when(lease.state()).thenReturn(runOut(EXPIRED));
        when(runs.recent(1)).thenReturn(List.of(running(7)), List.of(running(8)));

        resumption.resumeIfNeeded();
        resumption.resumeIfNeeded();

        verify(runs, never()).abandonRunning(anyString());
    }

    @Test
    void aNodeNotElectedNeverLooks() {
        when(duties.elected()).thenReturn(false);
        when(lease.state()).thenReturn(runOut(EXPIRED));

        resumption.resumeIfNeeded();
        resumption.resumeIfNeeded();

        verify(runs, never()).recent(1);
        verify(runs, never()).abandonRunning(anyString());
    }

    private static RunManagerLease.State runOut(Instant at) {
        return new RunManagerLease.State(false, at);
    }

    private static RunSummary running(long id) {
        return new RunSummary(id, id, "STARTED", "UNKNOWN", null, null, 0, 0, Map.of(), null);
    }

    static BatchSettings batchSettings() {
        return new BatchSettings(Duration.ofSeconds(10), true, "-", 1, 0, 3, 10_000, 20_000, Duration.ofSeconds(30),
                null);
    }

    static ClusterSettings clusterSettings() {
        return clusterSettings(Duration.ofSeconds(10));
    }

    static ClusterSettings clusterSettings(Duration leaseTime) {
        return new ClusterSettings(true, Set.of("manager", "worker"), "test", 20, Duration.ofSeconds(1),
                Duration.ofHours(2), 1, 5, leaseTime, Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofMinutes(2), null);
    }
}
