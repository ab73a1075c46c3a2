package io.relais.testing;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
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
        String url = System.getProperty("spring.datasource.url", "");
        String vendor;
        DataSource database;
        if (url.startsWith("jdbc:postgresql:")) {
            database = new DriverManagerDataSource(url, System.getProperty("spring.datasource.username"),
                    System.getProperty("spring.datasource.password"));
            vendor = "postgresql";
        } else {
            database = new DriverManagerDataSource("jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            vendor = "h2";
        }
        Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
        return database;
    }
}
