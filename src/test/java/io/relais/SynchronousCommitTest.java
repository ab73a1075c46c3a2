package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On PostgreSQL ({@code ./relais test-postgres}), a commit Relais acknowledges is flushed to the server's disk before
 * the commit returns: {@code synchronous_commit} is on for every connection of the pool, even when the database is
 * configured with it off (the H2 side is {@code EmbeddedDatabaseSettingsTest} and {@code CrashDurabilityTest}).
 * Tagged {@code postgres}: {@code ./relais test} leaves it out, {@code ./relais test-postgres} runs it.
 */
@Tag("postgres")
class SynchronousCommitTest extends RelaisIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyConnectionCommitsSynchronouslyEvenWhenTheDatabaseSaysOtherwise() throws Exception {
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        assertThat(url).as("the PostgreSQL suite's database").startsWith("jdbc:postgresql:");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");

        String database = jdbc.sql("select current_database()").query(String.class).single();
        jdbc.sql("alter database " + database + " set synchronous_commit = off").update();
        try {
            // connections opened from now on start with the database's setting, then the pool's own
            ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
            try (Connection fresh = dataSource.getConnection(); Statement statement = fresh.createStatement();
                 ResultSet rs = statement.executeQuery("show synchronous_commit")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("on");
            }
        } finally {
            jdbc.sql("alter database " + database + " reset synchronous_commit").update();
        }
    }
}
