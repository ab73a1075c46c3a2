package io.relais.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.relais.testing.MigratedDatabase;
import io.relais.testing.Together;

/**
 * Workers of a cluster (or threads of one node) remember the same new segment at the same moment, each inside its own
 * transaction as the localize step's chunks and editors' approvals do: each transaction goes on and commits (on
 * PostgreSQL a failed statement aborts the transaction it is in, so a duplicate key caught and ignored there fails
 * whatever the transaction does next), and the segment is remembered once. A private H2 in PostgreSQL mode, or the
 * suite's PostgreSQL under {@code ./relais test-postgres}.
 */
class TranslationMemoryRacesTest {

    private static final int WORKERS = 6;

    static DataSource database;

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.create("translation-memory");
    }

    private static long rows(String target) {
        return JdbcClient.create(database).sql("select count(*) from translation_memory where target_lang = ?")
                .param(target).query(Long.class).single();
    }

    @Test
    void workersRememberingTheSameSegmentInTheirTransactionsAllCommitAndItIsRememberedOnce() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
        for (int round = 0; round < 20; round++) {
            // a language of its own per round: rows counted per round, whatever else the database holds
            String target = "x" + UUID.randomUUID().toString().substring(0, 8);
            String segment = "Le gouvernement a annoncé " + UUID.randomUUID() + ".";
            List<String> found = Together.run(WORKERS, () -> transaction.execute(status -> {
                TranslationMemory memory = new TranslationMemory(JdbcClient.create(database));
                memory.remember(segment, "fr", target, "El gobierno anunció.", TranslationMemory.Origin.MACHINE,
                        "apertium", "fra>spa", 0);
                // what the chunk does next, in the same transaction
                return memory.lookup(segment, "fr", target).orElseThrow().targetText();
            }));

            assertThat(found).containsOnly("El gobierno anunció.");
            assertThat(rows(target)).isEqualTo(1);
        }
    }

    /**
     * Editors approve articles that share a segment (a standard paragraph) at the same moment: every approval is
     * counted, so the entry stays until the last of them is taken back.
     */
    @Test
    void approvalsOfTheSameSegmentAtOnceAreEachCounted() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
        for (int round = 0; round < 10; round++) {
            String target = "x" + UUID.randomUUID().toString().substring(0, 8);
            String segment = "Cet article a été mis à jour " + UUID.randomUUID() + ".";
            Together.run(WORKERS, () -> transaction.execute(status -> {
                new TranslationMemory(JdbcClient.create(database)).rememberApproved(segment, "fr", target,
                        "Este artículo se ha actualizado.");
                return target;
            }));
            TranslationMemory memory = new TranslationMemory(JdbcClient.create(database));
            assertThat(rows(target)).isEqualTo(1);
            for (int undone = 1; undone < WORKERS; undone++) {
                memory.forgetApproved(segment, "fr", target, "Este artículo se ha actualizado.");
                assertThat(memory.lookup(segment, "fr", target)).as("after %d of %d approvals undone", undone, WORKERS)
                        .isPresent();
            }
            memory.forgetApproved(segment, "fr", target, "Este artículo se ha actualizado.");
            assertThat(memory.lookup(segment, "fr", target)).isEmpty();
        }
    }

    @Test
    void rememberingAgainReplacesTheTranslationOfTheSameOrigin() {
        TranslationMemory memory = new TranslationMemory(JdbcClient.create(database));
        String target = "x" + UUID.randomUUID().toString().substring(0, 8);
        memory.remember("Bonjour.", "fr", target, "Hola.", TranslationMemory.Origin.MACHINE, "apertium", "fra>spa", 0);
        memory.remember("Bonjour.", "fr", target, "Buenos días.", TranslationMemory.Origin.MACHINE, "apertium",
                "fra>spa", 0);
        memory.remember("Bonjour.", "fr", target, "Hola, buenos días.", TranslationMemory.Origin.EDITOR, "editor", null,
                0);

        assertThat(rows(target)).isEqualTo(2);
        assertThat(memory.lookup("Bonjour.", "fr", target).orElseThrow().targetText()).isEqualTo("Hola, buenos días.");
    }
}
