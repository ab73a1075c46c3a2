package io.relais.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.relais.testing.MigratedDatabase;
import io.relais.testing.Together;

/**
 * Operators on several nodes (or a request and its retry) put the same glossary term at the same moment: every put
 * succeeds, the term is in the glossary once, with one of the renderings given. A private H2 in PostgreSQL mode, or
 * the suite's PostgreSQL under {@code ./relais test-postgres}.
 */
class GlossaryRacesTest {

    private static final int OPERATORS = 6;

    static DataSource database;

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.create("glossary");
    }

    @Test
    void operatorsPuttingTheSameTermTogetherAllSucceedAndItIsStoredOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            String term = "Assemblée " + UUID.randomUUID();
            AtomicInteger operator = new AtomicInteger();
            List<GlossaryTerm> put = Together.run(OPERATORS, () -> new Glossary(JdbcClient.create(database))
                    .put("es", term, "Asamblea " + operator.incrementAndGet()));

            assertThat(put).extracting(GlossaryTerm::id).containsOnly(put.get(0).id());
            List<String> stored = JdbcClient.create(database)
                    .sql("select target_term from glossary_term where source_term = ?").param(term)
                    .query(String.class).list();
            assertThat(stored).hasSize(1);
            assertThat(stored.get(0)).startsWith("Asamblea ");
        }
    }

    @Test
    void puttingAgainReplacesTheRendering() {
        Glossary glossary = new Glossary(JdbcClient.create(database));
        String term = "Sénat " + UUID.randomUUID();
        long id = glossary.put("ca", term, "Senat").id();

        GlossaryTerm again = glossary.put("ca", term, "el Senat");

        assertThat(again.id()).isEqualTo(id);
        assertThat(again.targetTerm()).isEqualTo("el Senat");
    }
}
