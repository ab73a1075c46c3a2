package io.relais.terminology;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The newsroom's dictionary, per target language: words editors added (names of the region's places and people, the
 * paper's own terms) that are never spelling errors again. The quality checks read {@link #words(String)} on every
 * check: it is kept in memory, reloaded at once after a change made on this node and at least every
 * {@value #REFRESH_SECONDS} seconds (a change made on another node of a cluster); {@link Words#version()} changes
 * whenever the set does, so that checks computed before a change are not reused.
 */
@Service
public class NewsroomDictionary {

    /** One word and who added it when. */
    public record Word(long id, String lang, String word, String addedBy, OffsetDateTime addedAt) {
    }

    /** A language's words at one moment, and a number that changes whenever they do. */
    public record Words(long version, Set<String> words) {
    }

    static final int REFRESH_SECONDS = 30;
    private static final Duration REFRESH = Duration.ofSeconds(REFRESH_SECONDS);

    /** A word: letters or digits, with inner apostrophes, hyphens and dots (Saint-Malo, O’Neill, A.N.P.E). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}'’.\\-]*[\\p{L}\\p{N}\\p{M}.])?");
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(?:-[A-Z]{2})?");
    static final int MAX_LENGTH = 100;

    private static final RowMapper<Word> ROW = (rs, i) -> new Word(rs.getLong("id"), rs.getString("lang"),
            rs.getString("word"), rs.getString("added_by"), rs.getObject("added_at", OffsetDateTime.class));

    private record Loaded(Words words, long loadedAt) {
    }

    private final JdbcClient jdbc;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong();

    NewsroomDictionary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a word (adding it again changes nothing).
     *
     * @throws IllegalArgumentException when the language or the word is not one (spaces, punctuation, too long)
     */
    public Word add(String lang, String word, String username) {
        String l = language(lang);
        String w = word(word);
        try {
            jdbc.sql("insert into newsroom_word (lang, word, added_by, added_at) values (?, ?, ?, ?)")
                    .params(l, w, username, OffsetDateTime.now(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException already) {
            // added before (or by someone else meanwhile): the first entry stays
        }
        loaded.remove(l);
        return jdbc.sql("select * from newsroom_word where lang = ? and word = ?").params(l, w).query(ROW).single();
    }

    public boolean remove(String lang, String word) {
        String l = language(lang);
        boolean removed = jdbc.sql("delete from newsroom_word where lang = ? and word = ?")
                .params(l, word == null ? "" : word.strip()).update() > 0;
        loaded.remove(l);
        return removed;
    }

    public List<Word> list(String lang) {
        return jdbc.sql("select * from newsroom_word where lang = ? order by lower(word), word").param(language(lang))
                .query(ROW).list();
    }

    /** The words of a language (a language code with a variant, {@code en-GB}, reads its language's words). */
    public Words words(String lang) {
        String l = lang == null ? "" : lang.split("-")[0];
        long now = System.nanoTime();
        Loaded known = loaded.get(l);
        if (known != null && now - known.loadedAt() < REFRESH.toNanos()) {
            return known.words();
        }
        Set<String> words = Set.copyOf(jdbc.sql("select word from newsroom_word where lang = ?").param(l)
                .query(String.class).list());
        Words current = known != null && known.words().words().equals(words) ? known.words()
                : new Words(versions.incrementAndGet(), words);
        loaded.put(l, new Loaded(current, now));
        return current;
    }

    static String language(String lang) {
        if (lang == null || !LANG.matcher(lang).matches()) {
            throw new IllegalArgumentException("not a language code: " + lang);
        }
        return lang.split("-")[0];
    }

    static String word(String word) {
        String w = word == null ? "" : word.strip();
        if (w.isEmpty() || w.length() > MAX_LENGTH || !WORD.matcher(w).matches()) {
            throw new IllegalArgumentException("not a word for the dictionary (one word, letters, digits, ' - .): "
                    + (w.length() > 40 ? w.substring(0, 40) + "…" : w));
        }
        return w;
    }
}
