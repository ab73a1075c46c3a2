package io.relais.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.StoredArticlesTest;
import io.relais.publish.internal.EntryLog;
import io.relais.translation.PublishedEntry;
import io.relais.translation.TranslationState;

/**
 * A version withdrawn and then publishable again, unchanged (an undone rejection of a machine text, an undone
 * approval approved again): it was skipped as "logged by another node first", the key being taken by its row from
 * before the withdrawal, and the entry stayed out of the feed.
 */
class RepublishedEntryTest extends StoredArticlesTest {

    @Autowired
    EntryLog log;

    @Test
    void aVersionPublishedAgainAfterItsWithdrawalIsInTheFeedAgainEveryTime() {
        String feed = "p" + (900_000_000L + System.nanoTime() % 100_000_000L) + "/es";
        PublishedEntry entry = new PublishedEntry(777_001, 1, "es", "El puente vuelve a abrir", null,
                "<p>El puente vuelve a abrir.</p>", "https://exemple.fr/pont", "Le pont rouvre", "Anne Roy",
                OffsetDateTime.parse("2026-12-01T08:00:00Z"), OffsetDateTime.parse("2026-12-01T09:00:00Z"), "apertium",
                "fr>es", 80.0, TranslationState.AUTO_APPROVED);
        List<EntryLog.Candidate> publishing = log.candidates(List.of(entry));

        assertThat(log.sync(feed, "es", publishing)).isEqualTo(1);
        for (int round = 0; round < 2; round++) {
            assertThat(log.sync(feed, "es", List.of())).as("withdrawn").isEqualTo(1);
            assertThat(log.current(feed, 10)).isEmpty();

            assertThat(log.sync(feed, "es", publishing)).as("published again").isEqualTo(1);
            assertThat(log.current(feed, 10)).extracting(l -> l.entry().title()).containsExactly("El puente vuelve a abrir");
            assertThat(log.sync(feed, "es", publishing)).as("unchanged since").isZero();
        }
    }

    /**
     * The machine's text, then the editor's approved text, then the machine's again (the approval undone, in a feed
     * with the {@code machine} policy): the machine's version was skipped, its key taken by its first row, and the
     * feed kept the approved text that had been taken back.
     */
    @Test
    void anEarlierVersionThatComesBackReplacesTheOneTakenBack() {
        String feed = "p" + (900_000_000L + System.nanoTime() % 100_000_000L) + "/es";
        PublishedEntry machine = new PublishedEntry(777_002, 1, "es", "El viaducto cierra por el viento", null,
                "<p>El viaducto cierra.</p>", "https://exemple.fr/viaduc", "Le viaduc ferme", "Anne Roy",
                OffsetDateTime.parse("2026-12-01T08:00:00Z"), OffsetDateTime.parse("2026-12-01T09:00:00Z"), "apertium",
                "fr>es", 80.0, TranslationState.NEEDS_REVIEW);
        PublishedEntry approved = new PublishedEntry(777_002, 1, "es", "El viaducto cierra a causa del viento", null,
                "<p>El viaducto cierra.</p>", "https://exemple.fr/viaduc", "Le viaduc ferme", "Anne Roy",
                OffsetDateTime.parse("2026-12-01T08:00:00Z"), OffsetDateTime.parse("2026-12-01T10:00:00Z"), "apertium",
                "fr>es", 80.0, TranslationState.APPROVED);

        for (PublishedEntry version : List.of(machine, approved, machine, approved)) {
            assertThat(log.sync(feed, "es", log.candidates(List.of(version)))).isEqualTo(1);
            assertThat(log.current(feed, 10)).extracting(l -> l.entry().title()).containsExactly(version.title());
        }
    }
}
