package io.relais.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.relais.testing.MigratedDatabase;
import io.relais.testing.Together;

/**
 * Every node of a cluster registers the configured sources as it starts, on one database: nodes starting together
 * must all start, with one row per source (here: threads with a connection each, as nodes would have). A private H2
 * in PostgreSQL mode, or the suite's PostgreSQL under {@code ./relais test-postgres}.
 */
class SourcesTest {

    private static final int NODES = 6;

    static DataSource database;

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.create("sources");
    }

    private static Sources node() {
        return new Sources(JdbcClient.create(database));
    }

    private static long rows(String url) {
        return JdbcClient.create(database).sql("select count(*) from source where url = ?").param(url)
                .query(Long.class).single();
    }

    @Test
    void nodesStartingTogetherAllRegisterTheConfiguredSource() throws Exception {
        for (int round = 0; round < 20; round++) {
            String url = "https://example.org/" + UUID.randomUUID() + "/feed.xml";
            List<Source> registered = Together.run(NODES,
                    () -> node().register(url, Source.Kind.FEED, "Configured", 900));

            assertThat(registered).extracting(Source::id).containsOnly(registered.get(0).id());
            assertThat(rows(url)).isEqualTo(1);
        }
    }

    @Test
    void pushesArrivingTogetherOnANewDatabaseFindOneSource() throws Exception {
        for (int round = 0; round < 20; round++) {
            String url = "api:" + UUID.randomUUID();
            List<Source> ensured = Together.run(NODES, () -> node().ensure(url, Source.Kind.API, "Push API"));

            assertThat(ensured).extracting(Source::id).containsOnly(ensured.get(0).id());
            assertThat(rows(url)).isEqualTo(1);
        }
    }

    @Test
    void operatorsAddingTheSameUrlTogetherAddOneSourceAndTheOthersAreToldItExists() throws Exception {
        for (int round = 0; round < 20; round++) {
            String url = "https://example.org/" + UUID.randomUUID() + "/feed.xml";
            List<Optional<Source>> created = Together.run(NODES, () -> node().create(url, "Added", 900, false));

            assertThat(created).filteredOn(Optional::isPresent).hasSize(1);
            assertThat(rows(url)).isEqualTo(1);
        }
    }

    @Test
    void registeringAgainUpdatesNameAndIntervalAndEnsuringLeavesThem() {
        Sources sources = node();
        String url = "https://example.org/" + UUID.randomUUID() + "/feed.xml";
        long id = sources.register(url, Source.Kind.FEED, "First", 900).id();

        Source again = sources.register(url, Source.Kind.FEED, "Second", 600);
        Source ensured = sources.ensure(url, Source.Kind.FEED, "Third");

        assertThat(again.id()).isEqualTo(id);
        assertThat(again.name()).isEqualTo("Second");
        assertThat(again.pollIntervalSeconds()).isEqualTo(600);
        assertThat(ensured.name()).isEqualTo("Second");
        assertThat(rows(url)).isEqualTo(1);
    }
}
