package io.relais.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Translation claims between two nodes on the cluster tests' PostgreSQL ({@code ./relais test-cluster}): one holder
 * at a time, renewed while it works, given up at once when released, and taken by the other node only once it expired
 * on the database's clock. (The nodes' clocks set apart is {@code ClusterFaultTest}'s clock fault.)
 */
@Tag("cluster")
class SharedTranslationClaimsTest {

    private static final Duration TTL = Duration.ofMillis(1500);

    private SharedTranslationClaims a;
    private SharedTranslationClaims b;
    private JdbcClient jdbc;

    @BeforeEach
    void twoNodes() {
        jdbc = JdbcClient.create(ClusterTestDatabase.migrated());
        jdbc.sql("delete from translation_claim where claim_key like '9000%'").update();
        a = new SharedTranslationClaims(jdbc, "aaaaaaaa-0000-0000-0000-000000000001", TTL);
        b = new SharedTranslationClaims(jdbc, "bbbbbbbb-0000-0000-0000-000000000002", TTL);
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    @Test
    void aClaimHasOneHolderAtATimeAndIsFreeAsSoonAsItIsReleased() {
        assertThat(a.claim(90001, 1, "es")).isTrue();
        assertThat(a.claim(90001, 1, "es")).as("another thread of the same node").isFalse();
        assertThat(b.claim(90001, 1, "es")).isFalse();
        assertThat(b.held(90001, 1, "es")).isTrue();
        assertThat(b.claim(90001, 1, "ca")).as("another language is another claim").isTrue();

        a.release(90001, 1, "es");
        assertThat(b.held(90001, 1, "es")).isFalse();
        assertThat(b.claim(90001, 1, "es")).isTrue();
        assertThat(a.claim(90001, 1, "es")).isFalse();
    }

    @Test
    void aClaimKeptAliveByItsHolderIsNeverTakenAndADeadHoldersExpiresOnTheDatabasesClock() throws Exception {
        assertThat(a.claim(90002, 1, "es")).isTrue();
        Thread.sleep(3 * TTL.toMillis());   // a renews it every third of the time to live
        assertThat(b.claim(90002, 1, "es")).as("renewed by a, alive").isFalse();

        a.close();                          // a stops renewing, as a node that died
        Thread.sleep(TTL.toMillis() + 700);
        assertThat(b.held(90002, 1, "es")).isFalse();
        assertThat(b.claim(90002, 1, "es")).isTrue();
        assertThat(jdbc.sql("select holder_id from translation_claim where claim_key = '90002:1:es'")
                .query(String.class).single()).startsWith("bbbbbbbb");
    }
}
