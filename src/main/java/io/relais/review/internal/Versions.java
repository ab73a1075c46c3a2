package io.relais.review.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.relais.translation.Translation;

/**
 * Every version of a translation's text ({@code review_version}): the machine's, each editor's draft session, and
 * each stored action's result. A draft session is the saves of one editor in a row, less than {@link #SESSION} apart:
 * one version, brought up to date at each save, rather than a version per keystroke pause.
 */
@Component
class Versions {

    /** How long a pause may last within one draft session. */
    static final Duration SESSION = Duration.ofMinutes(10);

    /** What made a version. */
    enum Kind {
        MACHINE, DRAFT, SAVE, APPROVE, REJECT, RETRANSLATE, REOPEN, REVERT, CONFLICT,
        /** Sent back to the batch by an operator (the text it had then): the batch's next text is the machine's. */
        REQUEUE
    }

    /** One version: who made it, how, when (a draft session from {@code startedAt} to {@code at}) and its text. */
    record Version(long id, Kind kind, String username, String title, String summary, String body,
                   Integer translationVersion, String note, OffsetDateTime startedAt, OffsetDateTime at) {

        boolean machine() {
            return kind == Kind.MACHINE || kind == Kind.RETRANSLATE;
        }
    }

    private static final RowMapper<Version> ROW = (rs, i) -> new Version(rs.getLong("id"),
            Kind.valueOf(rs.getString("kind")), rs.getString("username"), rs.getString("title"), rs.getString("summary"),
            rs.getString("body"), (Integer) rs.getObject("translation_version"), rs.getString("note"),
            rs.getObject("started_at", OffsetDateTime.class), rs.getObject("at", OffsetDateTime.class));

    private final JdbcClient jdbc;

    Versions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first. */
    List<Version> list(long translationId) {
        return jdbc.sql("select * from review_version where translation_id = ? order by id desc")
                .param(translationId).query(ROW).list();
    }

    Optional<Version> find(long translationId, long versionId) {
        return jdbc.sql("select * from review_version where translation_id = ? and id = ?")
                .params(translationId, versionId).query(ROW).optional();
    }

    /**
     * The machine's text of a translation: its latest machine version (the batch's or a re-translation), or, for a
     * translation nobody touched yet or one the batch translated again after an operator sent it back (nobody touched
     * it since: the first change keeps that text as a machine version), its text.
     */
    WorkingCopy machine(Translation t) {
        Optional<Version> latest = latest(t.id(), "'MACHINE', 'RETRANSLATE', 'REQUEUE'");
        if (latest.isPresent() && latest.get().kind() == Kind.REQUEUE) {
            Integer sentAt = latest.get().translationVersion();
            // translated again since: the batch's text; else the machine text from before it was sent back
            latest = sentAt != null && t.version() > sentAt ? Optional.empty()
                    : latest(t.id(), "'MACHINE', 'RETRANSLATE'");
        }
        if (latest.isEmpty()) {
            return WorkingCopy.of(t);
        }
        Version v = latest.get();
        return new WorkingCopy(t.id(), t.version(), v.title(), v.summary(), Cells.normalised(v.body()), 0, null, null);
    }

    /** The newest version of one of {@code kinds} (quoted names, written here, not given by a caller). */
    private Optional<Version> latest(long translationId, String kinds) {
        return jdbc.sql("select * from review_version where translation_id = ? and kind in (" + kinds
                        + ") order by id desc limit 1")
                .param(translationId).query(ROW).optional();
    }

    /**
     * Before a translation's text is changed by the workbench: makes sure its history starts with the text it has now
     * when that text came from elsewhere (the batch's translation, an attempt stored again).
     */
    void keepCurrent(Translation t) {
        Optional<Version> latest = jdbc.sql("""
                        select * from review_version where translation_id = ? and kind <> 'DRAFT' and kind <> 'CONFLICT'
                        order by id desc limit 1""")
                .param(t.id()).query(ROW).optional();
        boolean known = latest.isPresent() && Objects.equals(latest.get().translationVersion(), t.version());
        boolean sameText = latest.isPresent() && Objects.equals(latest.get().title(), t.title())
                && Objects.equals(latest.get().body(), t.body()) && Objects.equals(latest.get().summary(), t.summary());
        if (!known && !sameText) {
            insert(t.id(), Kind.MACHINE, null, t.title(), t.summary(), t.body(), t.version(), t.engine() + " " + t.route(),
                    t.updatedAt() == null ? now() : t.updatedAt());
        }
    }

    /** The translation's text after an action (its new version), as a version of the history. */
    void record(Translation after, Kind kind, String username, String note) {
        insert(after.id(), kind, username, after.title(), after.summary(), after.body(), after.version(), note, now());
    }

    /** A draft as it stands after a save: the editor's current session brought up to date, or a new one. */
    void draft(WorkingCopy w, String username, String note) {
        OffsetDateTime now = now();
        Optional<Version> latest = jdbc.sql("select * from review_version where translation_id = ? order by id desc limit 1")
                .param(w.translationId()).query(ROW).optional();
        if (latest.isPresent() && latest.get().kind() == Kind.DRAFT && username.equals(latest.get().username())
                && latest.get().at().plus(SESSION).isAfter(now) && note == null && latest.get().note() == null) {
            jdbc.sql("update review_version set title = ?, summary = ?, body = ?, translation_version = ?, at = ? where id = ?")
                    .params(w.title(), w.summary(), w.body(), w.baseVersion(), now, latest.get().id()).update();
        } else {
            insert(w.translationId(), Kind.DRAFT, username, w.title(), w.summary(), w.body(), w.baseVersion(), note, now);
        }
    }

    /** A text that could not be saved (someone else changed the same cell): kept, so that it can be brought back. */
    void conflict(WorkingCopy w, String username, String note) {
        insert(w.translationId(), Kind.CONFLICT, username, w.title(), w.summary(), w.body(), w.baseVersion(), note, now());
    }

    /** A reverted text, as the draft it becomes. */
    void reverted(WorkingCopy w, String username, String note) {
        insert(w.translationId(), Kind.REVERT, username, w.title(), w.summary(), w.body(), w.baseVersion(), note, now());
    }

    private void insert(long translationId, Kind kind, String username, String title, String summary, String body,
                        Integer translationVersion, String note, OffsetDateTime at) {
        jdbc.sql("""
                insert into review_version (translation_id, kind, username, title, summary, body, translation_version,
                    note, started_at, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(translationId, kind.name(), username, title, summary, body, translationVersion,
                        note == null ? null : abbreviate(note), at, at)
                .update();
    }

    private static String abbreviate(String note) {
        return note.length() <= 2000 ? note : note.substring(0, 1999) + "…";
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
