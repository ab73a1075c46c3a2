package io.relais.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.relais.cluster.ClusterSettings;


/**
 * The run managers' leases on the cluster tests' PostgreSQL ({@code ./relais test-cluster}), as the elected node reads
 * them: a process's express lease is live, for any node that reads it, while its run goes on, and run out once it
 * ended; a lease with no row is not live; the rows of express managers run out long ago are deleted, and nothing else.
 * The rule built on them is {@code ExpressRunOrphansTest}'s.
 */
@Tag("cluster")
class RunManagerLeasePostgresTest {

    private static final Duration LEASE_TIME = Duration.ofSeconds(1);

    private final String process = UUID.randomUUID().toString();
    private JdbcClient jdbc;
    private RunManagerLease express;
    private RunManagerLease elected;

    @BeforeEach
    void twoNodes() {
        DataSource database = ClusterTestDatabase.migrated();
        jdbc = JdbcClient.create(database);
        jdbc.sql("delete from cluster_lease where name like 'relais-express-manager:%'").update();
        ClusterSettings settings = RunResumptionTest.clusterSettings(LEASE_TIME);
        express = new RunManagerLease(database, new ClusterNode("a", process), settings,
                RunManagerLease.EXPRESS + process);
        elected = new RunManagerLease(database, new ClusterNode("b", UUID.randomUUID().toString()), settings,
                RunManagerLease.LOCALIZE);
    }

    @AfterEach
    void stop() {
        express.destroy();
        elected.destroy();
    }

    @Test
    void anExpressManagersLeaseIsLiveForAnotherNodeWhileItsRunGoesOnAndRunsOutWhenItEnds() throws Exception {
        boolean liveDuringRun = express.holding(() -> {
            sleep(LEASE_TIME.multipliedBy(4));   // past one lease length: the renewals keep it live
            return elected.stateOf(express.name()).live();
        });

        assertThat(liveDuringRun).isTrue();
        RunManagerLease.State after = elected.stateOf(express.name());
        assertThat(after.live()).isFalse();
        assertThat(after.expiredAt()).as("ran out when the run ended, at a time the database says").isNotNull();
    }

    @Test
    void aLeaseWithNoRowIsNotLive() {
        assertThat(elected.stateOf(RunManagerLease.EXPRESS + "a-process-that-never-ran-one"))
                .isEqualTo(new RunManagerLease.State(false, null));
    }

    @Test
    void onlyTheExpressManagersRowsRunOutLongerAgoThanAskedAreDeleted() {
        insert(RunManagerLease.EXPRESS + "gone-long-ago", "- interval '2 hours'");
        insert(RunManagerLease.EXPRESS + "gone-just-now", "- interval '1 minute'");
        insert(RunManagerLease.EXPRESS + "alive", "+ interval '30 seconds'");
        jdbc.sql("delete from cluster_lease where name = 'relais-test-other'").update();
        insert("relais-test-other", "- interval '2 hours'");

        int deleted = elected.forgetRunOut(RunManagerLease.EXPRESS, Duration.ofHours(1));

        assertThat(deleted).isEqualTo(1);
        assertThat(jdbc.sql("select name from cluster_lease where name like 'relais-%'").query(String.class).set())
                .containsAll(Set.of(RunManagerLease.EXPRESS + "gone-just-now", RunManagerLease.EXPRESS + "alive",
                        "relais-test-other"))
                .doesNotContain(RunManagerLease.EXPRESS + "gone-long-ago");
        jdbc.sql("delete from cluster_lease where name = 'relais-test-other'").update();
    }

    private void insert(String name, String fromNow) {
        jdbc.sql("insert into cluster_lease (name, holder, holder_id, term, expires_at) values (?, 'test', ?, 0, "
                + "clock_timestamp() " + fromNow + ")").params(name, UUID.randomUUID().toString()).update();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
