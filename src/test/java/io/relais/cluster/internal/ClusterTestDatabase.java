package io.relais.cluster.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The cluster tests' PostgreSQL database ({@code ./relais test-cluster} makes it, on the port it passes as
 * {@code relais.cluster.test.pg-port}), migrated as a node migrates it.
 */
final class ClusterTestDatabase {

    private ClusterTestDatabase() {
    }

    static DataSource migrated() {
        String url = "jdbc:postgresql://localhost:" + System.getProperty("relais.cluster.test.pg-port", "5432")
                + "/relais_cluster_test";
        DataSource database = new DriverManagerDataSource(url, "relais", "relais");
        Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        return database;
    }
}
