package io.relais.cluster.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.relais.batch.TranslationClaims;
import io.relais.cluster.ClusterSettings;

/**
 * The batch module's {@link TranslationClaims} across the nodes: a claim is a row of {@code translation_claim}, held
 * by this node's process and expiring {@code relais.cluster.lease-time} after its last renewal — on the database's
 * clock, never a node's, so a node whose clock is off neither takes a live claim nor keeps a dead one (this node
 * renews its claims three times per lease while it works). Within this node a set keeps the claims its threads hold
 * (the table knows processes, not threads). A slice redelivered after its worker died finds that worker's claims
 * until they expire, waits for them and then does what is still missing.
 * <p>
 * Written by hand (three statements): Spring Integration's JDBC lock repository, which held these claims before,
 * compares expiry times with the time each node supplies.
 */
@Component
@ConditionalOnProperty(prefix = "relais.cluster", name = "enabled", havingValue = "true")
class SharedTranslationClaims implements TranslationClaims, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedTranslationClaims.class);

    private final JdbcClient jdbc;
    private final String holder;
    private final long ttlMillis;
    private final Set<String> mine = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "claim-renewals");
        t.setDaemon(true);
        return t;
    });

    @Autowired
    SharedTranslationClaims(JdbcClient jdbc, ClusterNode node, ClusterSettings settings) {
        this(jdbc, node.lockClientId(), settings.leaseTime());
    }

    SharedTranslationClaims(JdbcClient jdbc, String holder, Duration ttl) {
        this.jdbc = jdbc;
        this.holder = holder;
        this.ttlMillis = ttl.toMillis();
        long every = Math.max(100, ttlMillis / 3);
        renewals.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** Keeps this node's claims alive while it works on them, in one statement. */
    void renewAll() {
        if (mine.isEmpty()) {
            return;
        }
        try {
            jdbc.sql("""
                            update translation_claim set expires_at = clock_timestamp() + ? * interval '1 millisecond'
                            where holder_id = ? and claim_key = any(?)""")
                    .params(ttlMillis, holder, mine.toArray(String[]::new))
                    .update();
        } catch (RuntimeException e) {
            log.debug("Could not renew this node's claims: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        renewals.shutdownNow();
    }

    @Override
    public boolean claim(long articleId, int revision, String lang) {
        String key = key(articleId, revision, lang);
        if (!mine.add(key)) {
            return false;
        }
        try {
            // a new claim, or one whose holder let it expire (on the database's clock)
            int taken = jdbc.sql("""
                            insert into translation_claim (claim_key, holder_id, expires_at)
                            values (?, ?, clock_timestamp() + ? * interval '1 millisecond')
                            on conflict (claim_key) do update
                              set holder_id = excluded.holder_id, expires_at = excluded.expires_at
                              where translation_claim.expires_at < clock_timestamp()""")
                    .params(key, holder, ttlMillis)
                    .update();
            if (taken == 1) {
                return true;
            }
        } catch (DataAccessException e) {
            log.debug("Claim {} not taken: {}", key, e.getMessage());
        }
        mine.remove(key);
        return false;
    }

    @Override
    public void release(long articleId, int revision, String lang) {
        String key = key(articleId, revision, lang);
        try {
            jdbc.sql("delete from translation_claim where claim_key = ? and holder_id = ?").params(key, holder).update();
        } catch (DataAccessException e) {
            // it expires by itself
            log.warn("Could not release the claim on {}: {}", key, e.getMessage());
        } finally {
            mine.remove(key);
        }
    }

    @Override
    public boolean held(long articleId, int revision, String lang) {
        String key = key(articleId, revision, lang);
        return mine.contains(key) || jdbc.sql("""
                        select count(*) from translation_claim where claim_key = ? and expires_at >= clock_timestamp()""")
                .params(key)
                .query(Long.class).single() > 0;
    }

    private static String key(long articleId, int revision, String lang) {
        return articleId + ":" + revision + ":" + lang;
    }
}
