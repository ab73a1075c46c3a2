package io.relais.review.internal;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.relais.translation.Translation;

/**
 * The drafts ({@code review_draft}: one working copy per translation, saved as editors type) and each cell's editing
 * state ({@code review_segment}: who changed it last, which exact text an editor confirmed).
 */
@Component
class Drafts {

    /** A cell's editing state: who changed it last in the draft, and the fingerprint of the text confirmed. */
    record CellMark(String editedBy, OffsetDateTime editedAt, String confirmedFingerprint, String confirmedBy,
                    OffsetDateTime confirmedAt) {
    }

    private final JdbcClient jdbc;
    private final Versions versions;

    Drafts(JdbcClient jdbc, Versions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    /**
     * The working copy of a translation: its draft, or its text when there is none. A draft started on another
     * version of the translation (its text was stored again by other means than the workbench, which clears drafts
     * when it stores) is kept in the history as a conflict and no longer worked on.
     */
    WorkingCopy of(Translation t) {
        Optional<WorkingCopy> draft = jdbc.sql("select * from review_draft where translation_id = ?").param(t.id())
                .query((rs, i) -> new WorkingCopy(t.id(), rs.getInt("base_version"), rs.getString("title"),
                        rs.getString("summary"), rs.getString("body"), rs.getInt("seq"), rs.getString("username"),
                        rs.getObject("saved_at", OffsetDateTime.class)))
                .optional();
        if (draft.isPresent() && draft.get().baseVersion() != t.version()) {
            versions.conflict(draft.get(), draft.get().savedBy(), "draft made on version " + draft.get().baseVersion()
                    + ", stored again meanwhile as version " + t.version());
            clear(t.id());
            return WorkingCopy.of(t);
        }
        return draft.orElseGet(() -> WorkingCopy.of(t));
    }

    void save(WorkingCopy w) {
        int updated = jdbc.sql("""
                        update review_draft set title = ?, summary = ?, body = ?, base_version = ?, seq = ?, username = ?,
                            saved_at = ?
                        where translation_id = ?""")
                .params(w.title(), w.summary(), w.body(), w.baseVersion(), w.seq(), w.savedBy(), w.savedAt(),
                        w.translationId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into review_draft (translation_id, title, summary, body, base_version, seq, username,
                                saved_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(w.translationId(), w.title(), w.summary(), w.body(), w.baseVersion(), w.seq(), w.savedBy(),
                            w.savedAt())
                    .update();
        }
    }

    void clear(long translationId) {
        jdbc.sql("delete from review_draft where translation_id = ?").param(translationId).update();
    }

    /** The translations of a list that have a draft, with who saved it last. */
    Map<Long, String> draftsAmong(java.util.Collection<Long> translationIds) {
        Map<Long, String> out = new LinkedHashMap<>();
        if (translationIds.isEmpty()) {
            return out;
        }
        String in = String.join(",", translationIds.stream().map(String::valueOf).toList());
        jdbc.sql("select translation_id, username from review_draft where translation_id in (" + in + ")")
                .query(rs -> {
                    out.put(rs.getLong("translation_id"), rs.getString("username"));
                });
        return out;
    }

    Map<String, CellMark> marks(long translationId) {
        Map<String, CellMark> marks = new LinkedHashMap<>();
        jdbc.sql("select * from review_segment where translation_id = ?").param(translationId)
                .query(rs -> {
                    marks.put(rs.getString("segment"), new CellMark(rs.getString("edited_by"),
                            rs.getObject("edited_at", OffsetDateTime.class), rs.getString("confirmed_fingerprint"),
                            rs.getString("confirmed_by"), rs.getObject("confirmed_at", OffsetDateTime.class)));
                });
        return marks;
    }

    void edited(long translationId, String key, String user, OffsetDateTime at) {
        if (jdbc.sql("update review_segment set edited_by = ?, edited_at = ? where translation_id = ? and segment = ?")
                .params(user, at, translationId, key).update() == 0) {
            jdbc.sql("insert into review_segment (translation_id, segment, edited_by, edited_at) values (?, ?, ?, ?)")
                    .params(translationId, key, user, at).update();
        }
    }

    void confirmed(long translationId, String key, String fingerprint, String user, OffsetDateTime at) {
        if (jdbc.sql("""
                        update review_segment set confirmed_fingerprint = ?, confirmed_by = ?, confirmed_at = ?
                        where translation_id = ? and segment = ?""")
                .params(fingerprint, user, at, translationId, key).update() == 0) {
            jdbc.sql("""
                            insert into review_segment (translation_id, segment, confirmed_fingerprint, confirmed_by,
                                confirmed_at)
                            values (?, ?, ?, ?, ?)""")
                    .params(translationId, key, fingerprint, user, at).update();
        }
    }
}
