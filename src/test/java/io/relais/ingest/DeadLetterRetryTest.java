package io.relais.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.relais.ingest.internal.IngestSettings;
import io.relais.testing.MigratedDatabase;
import io.relais.testing.Together;

/**
 * Two operators (on two nodes, or one clicking twice) retry the same dead letter at the same moment: it is put back
 * into the inbox once, and the others are told it was retried already. A private H2 in PostgreSQL mode, or the
 * suite's PostgreSQL under {@code ./relais test-postgres}.
 */
class DeadLetterRetryTest {

    private static final int OPERATORS = 6;

    static DataSource database;

    @TempDir
    Path inbox;

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.create("dead-letter-retry");
    }

    private static DeadLetters letters() {
        return new DeadLetters(JdbcClient.create(database), new SimpleMeterRegistry());
    }

    private DeadLetterRetry node() {
        return new DeadLetterRetry(letters(),
                new IngestSettings(inbox, 5_000_000L, false, List.of(), false, false, "test", Duration.ofSeconds(5)));
    }

    private static long deadLetter() {
        return letters().record("inbox/story-" + UUID.randomUUID() + ".html", "not French",
                "<p>Bonjour</p>".getBytes(StandardCharsets.UTF_8), "text/html");
    }

    @Test
    void operatorsRetryingTogetherPutTheDeadLetterBackOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            long id = deadLetter();

            List<Together.Outcome<String>> outcomes = Together.outcomes(OPERATORS, () -> node().retry(id));

            assertThat(outcomes).filteredOn(o -> o.failure() == null).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.failure() != null).allSatisfy(o ->
                    assertThat(o.failure()).isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("was retried already"));
        }
    }

    @Test
    void aDeadLetterWhoseFileCannotBePutBackWaitsAgain() throws Exception {
        long id = deadLetter();
        Files.delete(inbox);
        Files.writeString(inbox, "a file where the inbox folder should be");

        assertThatThrownBy(() -> node().retry(id)).isInstanceOf(UncheckedIOException.class);

        assertThat(letters().find(id).orElseThrow().retried()).isFalse();
    }
}
