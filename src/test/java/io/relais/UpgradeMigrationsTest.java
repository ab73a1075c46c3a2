package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.relais.testing.MigratedDatabase;

/**
 * A database an earlier release migrated takes the migrations added since, whatever the numbers of the others: on
 * PostgreSQL the cluster's V100 and V101 were applied before V93, V95 and V96 existed, and Flyway refuses a missing
 * lower version unless told it may apply it out of order.
 */
class UpgradeMigrationsTest {

    /** The migrations added after PostgreSQL's V101 was released. */
    static final Set<String> ADDED_SINCE = Set.of("93", "95", "96");

    @Test
    void aDatabaseOfAnEarlierReleaseIsUpgraded() throws Exception {
        MigratedDatabase.Staged earlier = MigratedDatabase.earlierRelease("upgrade", ADDED_SINCE);
        JdbcClient jdbc = JdbcClient.create(earlier.source());
        assertThat(applied(jdbc)).doesNotContainAnyElementsOf(ADDED_SINCE);

        earlier.finish();
        assertThat(applied(jdbc)).containsAll(ADDED_SINCE);
    }

    private static java.util.List<String> applied(JdbcClient jdbc) {
        return jdbc.sql("select version from flyway_schema_history where success and version is not null")
                .query(String.class).list();
    }
}
