package io.relais.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The fault tests' poller checker on histories made up for it: it accepts a right one and names what is wrong. */
class PollerHistoryTest {

    private static final String M = "Poller term 1 begins on m (monotonic 1000 ms)\n"
            + "Poller term 1 ends on m: its lease could not be renewed in time (monotonic 5000 ms)\n";
    private static final String W2 = "Poller term 2 begins on w2 (monotonic 6000 ms)\n";

    @Test
    void fetchesWithinTheirNodesTermsIncludingAnOpenOneAreRight() {
        List<PollerHistory.Term> terms = PollerHistory.terms(Map.of("m", M, "w2", W2), Map.of());
        List<PollerHistory.Fetch> fetches = List.of(new PollerHistory.Fetch("m", 1500),
                new PollerHistory.Fetch("m", 5500), new PollerHistory.Fetch("w2", 6500),
                new PollerHistory.Fetch("w2", 900_000));
        assertThat(PollerHistory.violations(terms, fetches, 1000)).isEmpty();
    }

    @Test
    void aFetchOutsideItsNodesTermsOrDuringAnothersAndOverlappingTermsAreNamed() {
        String late = "Poller term 2 begins on w2 (monotonic 4000 ms)\n";
        List<PollerHistory.Term> terms = PollerHistory.terms(Map.of("m", M, "w2", late), Map.of());
        List<PollerHistory.Fetch> fetches = List.of(new PollerHistory.Fetch("m", 5800),
                new PollerHistory.Fetch("m", 7000), new PollerHistory.Fetch("w2", 3500));
        assertThat(PollerHistory.violations(terms, fetches, 1000)).containsExactlyInAnyOrder(
                "two pollers at once: m term 1 [1000, 5000] ms and w2 term 2 [4000, …] ms",
                "m fetched the feed at 7000 ms outside its terms",
                "m fetched the feed at 7000 ms during w2 term 2 [4000, …] ms",
                "w2 fetched the feed at 3500 ms outside its terms",
                "w2 fetched the feed at 3500 ms during m term 1 [1000, 5000] ms");
        // 5800: m's request of its term's last instant, arrived 800 ms after it ended (within the slack)
    }

    @Test
    void aNodesOwnMonotonicClockIsShiftedOntoTheMachines() {
        // w2 under libfaketime prints 30 000 ms more than the machine's clock for the same instant
        String shifted = "Poller term 2 begins on w2 (monotonic 36000 ms)\n";
        List<PollerHistory.Term> terms = PollerHistory.terms(Map.of("m", M, "w2", shifted), Map.of(),
                Map.of("w2", -30_000L));
        assertThat(terms).extracting(PollerHistory.Term::begin).containsExactly(1000L, 6000L);
        assertThat(PollerHistory.violations(terms, List.of(new PollerHistory.Fetch("w2", 6500)), 1000)).isEmpty();
    }
}
