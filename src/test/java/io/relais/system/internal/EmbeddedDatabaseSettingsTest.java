package io.relais.system.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Whatever database URL the operator writes, an acknowledgement means the commit is written: H2 files get
 * {@code WRITE_DELAY=0} and are not closed by H2's own shutdown hook, their files are their owner's only, and they
 * have a password (generated per data directory, given to a database that had none); PostgreSQL connections commit
 * synchronously.
 */
class EmbeddedDatabaseSettingsTest {

    @TempDir
    Path dir;

    private StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        // only these properties: not the suite's own -Dspring.datasource.* (./relais test-postgres sets them)
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new EmbeddedDatabaseSettings(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void anH2FileUrlWritesEveryCommitAtOnceAndIsNotClosedByH2sShutdownHookWhateverTheOperatorWrote() {
        Path data = dir.resolve("data");
        StandardEnvironment environment = environment(Map.of("spring.datasource.url", "jdbc:h2:file:" + data
                + "/relais;MODE=PostgreSQL;write_delay=500;LOCK_TIMEOUT=10000"));
        String url = environment.getProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:h2:file:" + data + "/relais;MODE=PostgreSQL;")
                .contains(";WRITE_DELAY=0").contains(";DB_CLOSE_ON_EXIT=FALSE").contains("LOCK_TIMEOUT=10000");
        // the operator's delay is gone (the settings after the path: the temporary directory's name may hold "500")
        assertThat(url.substring(url.indexOf(';'))).doesNotContainIgnoringCase("write_delay=500");
    }

    @Test
    void aNewDataDirectoryIsItsOwnersOnlyAndItsDatabaseGetsAGeneratedPassword() throws Exception {
        Path data = dir.resolve("data");
        StandardEnvironment environment = environment(Map.of("spring.datasource.url", "jdbc:h2:file:" + data
                + "/relais;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "spring.datasource.password", ""));
        String password = environment.getProperty("spring.datasource.password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(Files.readString(data.resolve("relais.password")).strip()).isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("relais.mv.db"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("relais.password"))))
                .isEqualTo("rw-------");

        String url = environment.getProperty("spring.datasource.url");
        try (Connection c = DriverManager.getConnection(url, "sa", password)) {
            c.createStatement().execute("create table article (id int)");
            assertThat(setting(c, "WRITE_DELAY")).isEqualTo("0");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("relais.mv.db"))))
                .as("still the owner's only once H2 has written it").isEqualTo("rw-------");

        // the next start reads the same password
        assertThat(environment(Map.of("spring.datasource.url", url)).getProperty("spring.datasource.password"))
                .isEqualTo(password);
    }

    @Test
    void aDatabaseMadeBeforeWithAnEmptyPasswordGetsOneAndItsFilesAreMadeTheOwnersOnly() throws Exception {
        Path data = Files.createDirectories(dir.resolve("old"));
        String url = "jdbc:h2:file:" + data + "/relais;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table app_user (name varchar(20))");
            c.createStatement().execute("insert into app_user values ('admin')");
        }
        Files.setPosixFilePermissions(data.resolve("relais.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

        String password = environment(Map.of("spring.datasource.url", url)).getProperty("spring.datasource.password");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("relais.mv.db"))))
                .isEqualTo("rw-------");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
        try (Connection c = DriverManager.getConnection(url, "sa", password);
             ResultSet rs = c.createStatement().executeQuery("select name from app_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("admin");
        }
    }

    @Test
    void aConfiguredPasswordIsKeptAndAnAutoServerListensOnLoopbackOnlyAndOpens() throws Exception {
        String previous = System.getProperty("h2.bindAddress");
        try {
            System.clearProperty("h2.bindAddress");
            StandardEnvironment environment = environment(Map.of("spring.datasource.url", "jdbc:h2:file:" + dir
                    + "/db/relais;AUTO_SERVER=TRUE", "spring.datasource.password", "chosen"));
            assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("chosen");
            assertThat(dir.resolve("db/relais.password")).doesNotExist();
            assertThat(environment.getProperty("spring.datasource.url")).contains("AUTO_SERVER=TRUE");
            assertThat(System.getProperty("h2.bindAddress")).isEqualTo("127.0.0.1");
            String url = environment.getProperty("spring.datasource.url");
            assertThat(url).contains("WRITE_DELAY=0").doesNotContain("DB_CLOSE_ON_EXIT");
            try (Connection c = DriverManager.getConnection(url, "sa", "chosen");
                 ResultSet rs = c.createStatement().executeQuery("select 1")) {
                assertThat(rs.next()).as("H2 opens the URL (it refuses AUTO_SERVER with DB_CLOSE_ON_EXIT=FALSE)").isTrue();
            }
        } finally {
            if (previous == null) {
                System.clearProperty("h2.bindAddress");
            } else {
                System.setProperty("h2.bindAddress", previous);
            }
        }
    }

    @Test
    void inMemoryDatabasesAreLeftAloneAndPostgresqlConnectionsCommitSynchronously() {
        StandardEnvironment memory = environment(Map.of("spring.datasource.url", "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1"));
        assertThat(memory.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1");
        assertThat(memory.getProperty("spring.datasource.password")).isNull();

        StandardEnvironment postgres = environment(Map.of("spring.datasource.url", "jdbc:postgresql://localhost/relais"));
        assertThat(postgres.getProperty("spring.datasource.hikari.connection-init-sql"))
                .isEqualTo("set synchronous_commit to on");
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(
                "select setting_value from information_schema.settings where setting_name = '" + name + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
