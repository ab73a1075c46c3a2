package io.relais.terminology;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Segment-level translation memory, keyed by the normalised source segment (Unicode NFC, whitespace collapsed)
 * and the language pair. An editor's text ({@link Origin#EDITOR}) wins over the engine's.
 */
@Service
public class TranslationMemory {

    public enum Origin { MACHINE, EDITOR }

    /** A remembered translation of one segment. */
    public record Entry(long id, String targetText, Origin origin, String engine, String route, int unknownWords) {
    }

    /** The count of one text approvals in force gave a segment. */
    private static final String THE_TEXT_APPROVED = "source_lang = ? and target_lang = ? and source_hash = ? "
            + "and target_text = ?";
    /** The engine an editor's entry names. */
    private static final String EDITOR_ENGINE = "editor";

    private final JdbcClient jdbc;

    public TranslationMemory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> lookup(String source, String sourceLang, String targetLang) {
        String normalised = normalise(source);
        return jdbc.sql("""
                select id, source_text, target_text, origin, engine, route, unknown_words from translation_memory
                where source_lang = ? and target_lang = ? and source_hash = ?
                order by case origin when 'EDITOR' then 0 else 1 end""")
                .params(sourceLang, targetLang, hash(normalised))
                .query((rs, i) -> rs.getString("source_text").equals(normalised)
                        ? new Entry(rs.getLong("id"), rs.getString("target_text"), Origin.valueOf(rs.getString("origin")),
                                rs.getString("engine"), rs.getString("route"), rs.getInt("unknown_words"))
                        : null)
                .list().stream().filter(e -> e != null).findFirst();
    }

    public void recordHit(long id) {
        jdbc.sql("update translation_memory set hits = hits + 1, last_used_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC), id).update();
    }

    /**
     * Remembers an approved translation's text of a segment: the segment's editor entry says it from now on. Each text
     * approvals gave a segment is counted, in {@code translation_memory_approved}: the same text approved again (a
     * standard paragraph in another article, the same article after an undo) is counted again, and
     * {@link #forgetApproved} forgets a text only with the last approval in force that gave it.
     */
    public void rememberApproved(String source, String sourceLang, String targetLang, String target) {
        String normalised = normalise(source);
        String hash = hash(normalised);
        // the editor entry first: its row, locked until the commit, orders the approvals of the segment
        if (showApproved(sourceLang, targetLang, hash, normalised, target) == 0
                && insert(sourceLang, targetLang, hash, normalised, target, Origin.EDITOR, EDITOR_ENGINE, null, 0) == 0) {
            // another approval of the segment inserted it meanwhile (the insert waited for its commit)
            showApproved(sourceLang, targetLang, hash, normalised, target);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (jdbc.sql("update translation_memory_approved set approvals = approvals + 1, approved_at = ? where "
                        + THE_TEXT_APPROVED).params(now, sourceLang, targetLang, hash, target).update() == 0) {
            jdbc.sql("""
                    insert into translation_memory_approved (source_lang, target_lang, source_hash, target_text,
                        approvals, approved_at)
                    values (?, ?, ?, ?, 1, ?)""").params(sourceLang, targetLang, hash, target, now).update();
        }
    }

    /** The segment's editor entry says {@code target}: 1 when it was there to say it. */
    private int showApproved(String sourceLang, String targetLang, String hash, String normalised, String target) {
        return jdbc.sql("""
                update translation_memory set source_text = ?, target_text = ?, engine = ?, route = null,
                    unknown_words = 0, last_used_at = ?
                where source_lang = ? and target_lang = ? and source_hash = ? and origin = ?""")
                .params(normalised, target, EDITOR_ENGINE, OffsetDateTime.now(ZoneOffset.UTC), sourceLang, targetLang,
                        hash, Origin.EDITOR.name())
                .update();
    }

    /**
     * An approval taken back: its text of the segment stops counting. When the editor entry said that text and no
     * approval in force gives it any more, the entry says the newest text still approved, or is forgotten when there
     * is none (the segment must not go on being translated with a text taken back). An entry that a later approval
     * gave another text keeps it.
     */
    public void forgetApproved(String source, String sourceLang, String targetLang, String target) {
        String normalised = normalise(source);
        String hash = hash(normalised);
        // the editor entry locked first, as an approval of the segment does (above)
        Optional<String> said = jdbc.sql("""
                        select target_text from translation_memory
                        where source_lang = ? and target_lang = ? and source_hash = ? and origin = ? for update""")
                .params(sourceLang, targetLang, hash, Origin.EDITOR.name()).query(String.class).optional();
        Object[] params = {sourceLang, targetLang, hash, target};
        jdbc.sql("delete from translation_memory_approved where " + THE_TEXT_APPROVED + " and approvals <= 1")
                .params(params).update();
        jdbc.sql("update translation_memory_approved set approvals = approvals - 1 where " + THE_TEXT_APPROVED)
                .params(params).update();
        if (said.isEmpty() || !said.get().equals(target)) {
            return;
        }
        Optional<String> newest = jdbc.sql("""
                        select target_text from translation_memory_approved
                        where source_lang = ? and target_lang = ? and source_hash = ?
                        order by approved_at desc, id desc limit 1""")
                .params(sourceLang, targetLang, hash).query(String.class).optional();
        if (newest.isEmpty()) {
            jdbc.sql("delete from translation_memory where source_lang = ? and target_lang = ? and source_hash = ? "
                    + "and origin = ?").params(sourceLang, targetLang, hash, Origin.EDITOR.name()).update();
        } else if (!newest.get().equals(target)) {
            showApproved(sourceLang, targetLang, hash, normalised, newest.get());
        }
    }

    /** Remembers (or replaces) the translation of a segment from one origin. */
    public void remember(String source, String sourceLang, String targetLang, String target, Origin origin,
                         String engine, String route, int unknownWords) {
        String normalised = normalise(source);
        String hash = hash(normalised);
        int updated = jdbc.sql("""
                update translation_memory set source_text = ?, target_text = ?, engine = ?, route = ?, unknown_words = ?,
                    last_used_at = ?
                where source_lang = ? and target_lang = ? and source_hash = ? and origin = ?""")
                .params(normalised, target, engine, route, unknownWords, OffsetDateTime.now(ZoneOffset.UTC), sourceLang,
                        targetLang, hash, origin.name())
                .update();
        if (updated == 0) {
            insert(sourceLang, targetLang, hash, normalised, target, origin, engine, route, unknownWords);
        }
    }

    /**
     * A new entry (1), unless one was remembered meanwhile by another worker or editor (0): theirs is as good, or
     * for an approval counted on. Decided by the
     * insert, not by a caught duplicate key: this runs in the caller's transaction (a chunk of the localize step, an
     * approval), which PostgreSQL aborts at a failed statement.
     */
    private int insert(String sourceLang, String targetLang, String hash, String normalised, String target,
                       Origin origin, String engine, String route, int unknownWords) {
        return jdbc.sql("""
                insert into translation_memory (source_lang, target_lang, source_hash, source_text, target_text,
                    origin, engine, route, unknown_words)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(sourceLang, targetLang, hash, normalised, target, origin.name(), engine, route, unknownWords)
                .update();
    }

    /** The newest segments editors wrote in a language (what its newsroom writes: names, terms, turns of phrase). */
    public List<String> editorsLatest(String targetLang, int limit) {
        return jdbc.sql("""
                select target_text from translation_memory where target_lang = ? and origin = ?
                order by id desc limit ?""")
                .params(targetLang, Origin.EDITOR.name(), limit).query(String.class).list();
    }

    public long size() {
        return jdbc.sql("select count(*) from translation_memory").query(Long.class).single();
    }

    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    private static String hash(String normalised) {
        return DigestUtils.sha256Hex(normalised);
    }
}
