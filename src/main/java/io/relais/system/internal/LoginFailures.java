package io.relais.system.internal;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins in the shared database (table {@code login_failure}): every node of a cluster writes and reads the
 * same rows, so an attacker who spreads guesses over nodes is counted once. Subjects are the lower-cased user name
 * ({@link Kind#USER}) or the client address ({@link Kind#ADDRESS}), cut to 200 characters. An attempt whose password
 * is being checked is a pending row; it becomes a failure ({@link #settle}) or is deleted (it succeeded). Decisions
 * about one subject are taken one at a time ({@link #exclusively}): on PostgreSQL, which a cluster shares, under a
 * transaction-scoped advisory lock per subject; on H2, which only one process opens, under a lock of this process.
 */
@Repository
class LoginFailures {

    enum Kind {
        USER("U"), ADDRESS("A");

        final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    static final int MAX_SUBJECT = 200;

    private static final Map<String, ReentrantLock> LOCAL_LOCKS = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final boolean postgres;

    LoginFailures(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database holds the sign-in failures", e);
        }
    }

    /**
     * {@code work} in one transaction, with no other decision about these subjects (on any node) at the same time:
     * what it reads is every attempt decided before it, and what it writes is seen by every decision after it.
     */
    <T> T exclusively(List<String> subjects, Supplier<T> work) {
        List<String> ordered = subjects.stream().distinct().sorted().toList();   // one order: no deadlock
        if (postgres) {
            return transaction.execute(status -> {
                for (String subject : ordered) {
                    jdbc.sql("select pg_advisory_xact_lock(?)").param(lockKey(subject)).query((rs, row) -> 1).list();
                }
                return work.get();
            });
        }
        List<ReentrantLock> held = new ArrayList<>();
        try {
            for (String subject : ordered) {
                ReentrantLock lock = LOCAL_LOCKS.computeIfAbsent(subject, s -> new ReentrantLock());
                lock.lock();
                held.add(lock);
            }
            return transaction.execute(status -> work.get());
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }

    /** A subject's advisory lock: 64 bits of its SHA-256, in a namespace of Relais's own. */
    private static long lockKey(String subject) {
        return ByteBuffer.wrap(DigestUtils.sha256("relais-sign-in:" + subject)).getLong();
    }

    /** The key of a subject for {@link #exclusively}. */
    static String subject(Kind kind, String subject) {
        return kind.code + ":" + cut(subject);
    }

    /** Records a failure and gives its row's id. */
    long record(Kind kind, String subject, Instant at) {
        return insert(kind, subject, at, false);
    }

    /** Records an attempt in flight (its password not yet checked) and gives its row's id. */
    long recordPending(Kind kind, String subject, Instant at) {
        return insert(kind, subject, at, true);
    }

    private long insert(Kind kind, String subject, Instant at, boolean pending) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into login_failure (kind, subject, failed_at, pending) values (?, ?, ?, ?)")
                .params(kind.code, cut(subject), utc(at), pending).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Attempts in flight that turned out to be failures. */
    void settle(List<Long> ids) {
        for (Long id : ids) {
            jdbc.sql("update login_failure set pending = false where id = ?").param(id).update();
        }
    }

    /**
     * The subject's failures and its attempts in flight (pending and younger than {@code staleBefore}: an older one
     * belongs to a process that died and will never settle), in one statement: an attempt that settles meanwhile
     * (another node's, outside the subject's lock) is counted once, as one or the other — two statements could each
     * miss it and let one guess too many through.
     */
    int failedOrInFlight(Kind kind, String subject, Instant since, Instant staleBefore) {
        return jdbc.sql("select count(*) from login_failure where kind = ? and subject = ? and failed_at > ? "
                        + "and (pending = false or failed_at >= ?)")
                .params(kind.code, cut(subject), utc(since), utc(staleBefore)).query(Integer.class).single();
    }

    /** Forgets rows by id: an attempt that was refused, or one that succeeded. */
    void forget(List<Long> ids) {
        for (Long id : ids) {
            jdbc.sql("delete from login_failure where id = ?").param(id).update();
        }
    }

    /** The newest {@code limit} failures after {@code since}, newest first (attempts in flight are not failures). */
    List<Instant> newest(Kind kind, String subject, Instant since, int limit) {
        return jdbc.sql("select failed_at from login_failure where kind = ? and subject = ? and failed_at > ? "
                        + "and pending = false order by failed_at desc limit ?")
                .params(kind.code, cut(subject), utc(since), limit)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
    }

    /** Attempts left in flight by a process that stopped before settling them (they will never be). */
    void forgetInFlightBefore(Instant start) {
        jdbc.sql("delete from login_failure where pending = true and failed_at < ?").param(utc(start)).update();
    }

    /** The subject's failures forgotten (a success): not the attempts still in flight, which are not yet failures. */
    void clear(Kind kind, String subject) {
        jdbc.sql("delete from login_failure where kind = ? and subject = ? and pending = false")
                .params(kind.code, cut(subject)).update();
    }

    /** Failures that no longer count (older than the window) are forgotten. */
    void forgetBefore(Instant horizon) {
        jdbc.sql("delete from login_failure where failed_at < ?").param(utc(horizon)).update();
    }

    private static String cut(String subject) {
        return subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
