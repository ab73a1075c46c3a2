package io.relais.system.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins in the shared database (table {@code login_failure}): every node of a cluster writes and reads the
 * same rows, so an attacker who spreads guesses over nodes is counted once. Subjects are the lower-cased user name
 * ({@link Kind#USER}) or the client address ({@link Kind#ADDRESS}), cut to 200 characters. An attempt whose password
 * is being checked is a pending row; it becomes a failure ({@link #settle}) or is deleted (it succeeded).
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

    private final JdbcClient jdbc;

    LoginFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
     * Attempts on this subject still in flight that came before {@code row}: pending, and younger than
     * {@code staleBefore} (an older one belongs to a process that died: it will never settle).
     */
    int inFlightBefore(Kind kind, String subject, long row, Instant since, Instant staleBefore) {
        return jdbc.sql("select count(*) from login_failure where kind = ? and subject = ? and pending = true "
                        + "and id < ? and failed_at > ? and failed_at >= ?")
                .params(kind.code, cut(subject), row, utc(since), utc(staleBefore)).query(Integer.class).single();
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
