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
 * ({@link Kind#USER}) or the client address ({@link Kind#ADDRESS}), cut to 200 characters.
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

    /** Records a failure (or an attempt counted as one until it succeeds) and gives its row's id. */
    long record(Kind kind, String subject, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into login_failure (kind, subject, failed_at) values (?, ?, ?)")
                .params(kind.code, cut(subject), utc(at)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Forgets rows by id: an attempt that was refused, or one that succeeded. */
    void forget(List<Long> ids) {
        for (Long id : ids) {
            jdbc.sql("delete from login_failure where id = ?").param(id).update();
        }
    }

    /** The newest {@code limit} failures after {@code since}, newest first. */
    List<Instant> newest(Kind kind, String subject, Instant since, int limit) {
        return jdbc.sql("select failed_at from login_failure where kind = ? and subject = ? and failed_at > ? "
                        + "order by failed_at desc limit ?")
                .params(kind.code, cut(subject), utc(since), limit)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
    }

    void clear(Kind kind, String subject) {
        jdbc.sql("delete from login_failure where kind = ? and subject = ?").params(kind.code, cut(subject)).update();
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
