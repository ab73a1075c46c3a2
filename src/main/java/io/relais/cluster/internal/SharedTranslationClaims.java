package io.relais.cluster.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.relais.batch.TranslationClaims;
import io.relais.cluster.ClusterSettings;

/**
 * The batch module's {@link TranslationClaims} across the nodes: a claim is a row of the shared lock table (region
 * {@value ClusterSettings#CLAIMS_REGION}, owned by this node, expiring after {@code relais.cluster.lease-time} unless
 * renewed — this node renews its claims three times per lease while it works), and within this node a set of the
 * claims its threads hold (the lock table knows nodes, not threads). A slice redelivered after its worker died finds
 * that worker's claims until they expire, waits for them and then does what is still missing.
 */
@Component
@ConditionalOnProperty(prefix = "relais.cluster", name = "enabled", havingValue = "true")
class SharedTranslationClaims implements TranslationClaims, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedTranslationClaims.class);

    private final DefaultLockRepository locks;
    private final JdbcClient jdbc;
    private final Set<String> mine = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "claim-renewals");
        t.setDaemon(true);
        return t;
    });

    SharedTranslationClaims(@Qualifier("claimLocks") DefaultLockRepository locks, JdbcClient jdbc,
                            ClusterSettings settings) {
        this.locks = locks;
        this.jdbc = jdbc;
        long every = Math.max(100, settings.leaseTime().toMillis() / 3);
        renewals.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** Keeps this node's claims alive while it works on them. */
    void renewAll() {
        for (String key : mine) {
            try {
                locks.renew(key);
            } catch (RuntimeException e) {
                log.debug("Could not renew the claim on {}: {}", key, e.getMessage());
            }
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
            if (locks.acquire(key)) {
                return true;
            }
        } catch (DataAccessException e) {
            // two nodes inserting the same claim at once: the other one has it
            log.debug("Claim {} taken by another node: {}", key, e.getMessage());
        }
        mine.remove(key);
        return false;
    }

    @Override
    public void release(long articleId, int revision, String lang) {
        String key = key(articleId, revision, lang);
        try {
            locks.delete(key);
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
                        select count(*) from int_lock where region = ? and lock_key = ? and expired_after >= ?""")
                .params(ClusterSettings.CLAIMS_REGION, UUIDConverter.getUUID(key).toString(),
                        LocalDateTime.now(ZoneOffset.UTC))   // as the lock repository writes it
                .query(Long.class).single() > 0;
    }

    private static String key(long articleId, int revision, String lang) {
        return "translation:" + articleId + ":" + revision + ":" + lang;
    }
}
