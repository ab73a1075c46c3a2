package io.relais.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

import io.relais.testing.MigratedDatabase;
import io.relais.testing.Together;

/**
 * The nodes of a cluster set the configured administrator as each starts, on one database: several nodes starting
 * together must all start (here: threads with a connection each, as nodes would have). A private H2 in PostgreSQL
 * mode migrated by Flyway, or the suite's PostgreSQL under {@code ./relais test-postgres}.
 */
class UsersTest {

    private static final int NODES = 6;

    static DataSource database;

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.create("users");
    }

    @SuppressWarnings("deprecation") // the hash is beside the point here
    private static Users node() {
        return new Users(JdbcClient.create(database), NoOpPasswordEncoder.getInstance());
    }

    private static <T> List<T> together(Callable<T> call) throws Exception {
        return Together.run(NODES, call);
    }

    private static long rows(String username) {
        return JdbcClient.create(database).sql("select count(*) from app_user where username = ?").param(username)
                .query(Long.class).single();
    }

    @Test
    void nodesStartingTogetherAllSetTheConfiguredAdministrator() throws Exception {
        for (int round = 0; round < 20; round++) {
            String admin = "admin-" + UUID.randomUUID();
            List<AppUser> saved = together(() -> node().save(admin, "secret", "ADMIN", List.of()));

            assertThat(saved).allSatisfy(user -> assertThat(user.role()).isEqualTo("ADMIN"));
            assertThat(rows(admin)).isEqualTo(1);
        }
    }

    @Test
    void onlyOneOfTheNodesCreatesAnAccountTheOthersFindIt() throws Exception {
        for (int round = 0; round < 20; round++) {
            String admin = "admin-" + UUID.randomUUID();
            List<Boolean> created = together(() -> node().createIfAbsent(admin, "generated-" + UUID.randomUUID(),
                    "ADMIN", List.of()));

            assertThat(created).containsOnlyOnce(true);
            assertThat(rows(admin)).isEqualTo(1);
        }
    }

    @Test
    void savingAnExistingUserReplacesItsPasswordRoleAndLanguages() {
        Users users = node();
        String name = "editor-" + UUID.randomUUID();
        users.save(name, "first", "EDITOR", List.of("es"));

        AppUser saved = users.save(name, "second", "EDITOR", List.of("ca", "en"));

        assertThat(saved.passwordHash()).isEqualTo("second");
        assertThat(saved.languages()).containsExactly("ca", "en");
        assertThat(rows(name)).isEqualTo(1);
        assertThat(users.createIfAbsent(name, "third", "ADMIN", List.of())).isFalse();
        assertThat(users.find(name).orElseThrow().passwordHash()).isEqualTo("second");
    }
}
