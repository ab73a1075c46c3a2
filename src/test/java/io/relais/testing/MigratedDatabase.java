package io.relais.testing;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database migrated by Flyway with the service's migrations, for tests below the application: a private H2 in
 * PostgreSQL mode, or the suite's PostgreSQL under {@code ./relais test-postgres} (shared with the suite: such tests
 * name their rows uniquely).
 */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    /** {@code name} names the private H2 database. */
    public static DataSource create(String name) {
        Staged database = upTo(name, null);
        database.finish();
        return database.source();
    }

    /**
     * A database migrated up to version {@code target} only, to test a later migration on rows written before it:
     * a private H2, or a schema of its own in the suite's PostgreSQL (dropped by nobody: the suite's database is
     * made afresh for each run). {@link Staged#finish()} applies the rest.
     */
    public static Staged upTo(String name, String target) {
        String url = System.getProperty("spring.datasource.url", "");
        String vendor;
        DataSource database;
        String schema = null;
        if (url.startsWith("jdbc:postgresql:")) {
            vendor = "postgresql";
            if (target != null) {
                schema = (name + "_" + UUID.randomUUID()).replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
                url += (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            }
            database = new DriverManagerDataSource(url, System.getProperty("spring.datasource.username"),
                    System.getProperty("spring.datasource.password"));
        } else {
            database = new DriverManagerDataSource("jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            vendor = "h2";
        }
        FluentConfiguration flyway = Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
        if (schema != null) {
            flyway.schemas(schema);
        }
        if (target != null) {
            flyway.target(target).load().migrate();
            flyway.target(MigrationVersion.LATEST);
        }
        return new Staged(database, flyway);
    }

    /** A database and the migrations not yet applied to it. */
    public record Staged(DataSource source, FluentConfiguration flyway) {

        public void finish() {
            flyway.load().migrate();
        }
    }
}
