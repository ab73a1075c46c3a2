package io.relais.console.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The console's audit log: every operator action, who took it, when, on what, and whether it was done or refused. */
@Service
class ConsoleAudit {

    record Entry(long id, String username, String action, String subject, String detail, String outcome,
                 OffsetDateTime at) {
    }

    private final JdbcClient jdbc;

    ConsoleAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void done(String username, String action, String subject, String detail) {
        record(username, action, subject, detail, "DONE");
    }

    void refused(String username, String action, String subject, String reason) {
        record(username, action, subject, reason, "REFUSED");
    }

    private void record(String username, String action, String subject, String detail, String outcome) {
        jdbc.sql("insert into console_audit (username, action, subject, detail, outcome, at) values (?, ?, ?, ?, ?, ?)")
                .params(username, action, cut(subject, 2000), cut(detail, 4000), outcome, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    List<Entry> recent(int limit) {
        return jdbc.sql("select * from console_audit order by id desc limit ?").param(limit)
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getString("username"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("detail"), rs.getString("outcome"),
                        rs.getObject("at", OffsetDateTime.class)))
                .list();
    }

    /** The actions taken on one subject (such as {@code article #12}), newest first. */
    List<Entry> about(String subject, int limit) {
        return jdbc.sql("select * from console_audit where subject = ? order by id desc limit ?").params(subject, limit)
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getString("username"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("detail"), rs.getString("outcome"),
                        rs.getObject("at", OffsetDateTime.class)))
                .list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
