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

    /** An editor's entry of a segment while its text is the one given. */
    private static final String THE_APPROVED_TEXT = "source_lang = ? and target_lang = ? and source_hash = ? "
            + "and origin = ? and source_text = ? and target_text = ?";
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
     * Remembers an approved translation's text of a segment (the editor's entry). The same text approved again, in
     * another article (a standard paragraph) or the same one after an undo, is counted: {@link #forgetApproved}
     * forgets it only with the last approval in force. Another text replaces it and is counted once.
     */
    public void rememberApproved(String source, String sourceLang, String targetLang, String target) {
        String normalised = normalise(source);
        String hash = hash(normalised);
        if (countApproval(sourceLang, targetLang, hash, normalised, target) == 0
                && insert(sourceLang, targetLang, hash, normalised, target, Origin.EDITOR, EDITOR_ENGINE, null, 0) == 0) {
            // another approval of the segment inserted it meanwhile (the insert waited for its commit): count this one
            countApproval(sourceLang, targetLang, hash, normalised, target);
        }
    }

    private int countApproval(String sourceLang, String targetLang, String hash, String normalised, String target) {
        return jdbc.sql("""
                update translation_memory set approvals = case when target_text = ? then approvals + 1 else 1 end,
                    source_text = ?, target_text = ?, engine = ?, route = null, unknown_words = 0, last_used_at = ?
                where source_lang = ? and target_lang = ? and source_hash = ? and origin = ?""")
                .params(target, normalised, target, EDITOR_ENGINE, OffsetDateTime.now(ZoneOffset.UTC), sourceLang,
                        targetLang, hash, Origin.EDITOR.name())
                .update();
    }

    /**
     * An approval taken back: its text of the segment stops counting, and the entry is forgotten when no approval in
     * force gave it that text (the segment must not go on being translated with a text taken back). An entry that a
     * later approval replaced with another text stays.
     */
    public void forgetApproved(String source, String sourceLang, String targetLang, String target) {
        String normalised = normalise(source);
        String hash = hash(normalised);
        Object[] params = {sourceLang, targetLang, hash, Origin.EDITOR.name(), normalised, target};
        jdbc.sql("delete from translation_memory where " + THE_APPROVED_TEXT + " and approvals <= 1").params(params)
                .update();
        jdbc.sql("update translation_memory set approvals = approvals - 1 where " + THE_APPROVED_TEXT).params(params)
                .update();
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
