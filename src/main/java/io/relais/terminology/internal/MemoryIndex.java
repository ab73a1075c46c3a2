package io.relais.terminology.internal;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jsoup.Jsoup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fuzzy search in the translation memory: the French words of every remembered segment, indexed in memory by word
 * per target language (read incrementally from the table: rows added since the last search, by id). A search takes
 * the segments sharing the most words with the French segment, then scores each by word-level edit distance. Written
 * by hand because neither H2 nor PostgreSQL has a portable similarity search, and the memory is small enough
 * (a segment's words) to hold.
 */
@Component
public class MemoryIndex {

    /** A remembered segment like the one looked for. */
    public record Hit(long id, int score, boolean exact, String source, String target, String origin,
                      OffsetDateTime at) {
    }

    private static final int CANDIDATES = 50;
    /** A word in more segments than this share of the language's memory says nothing of likeness (le, de, la...). */
    private static final double COMMON = 0.2;

    private final JdbcClient jdbc;
    private final Map<String, Language> languages = new ConcurrentHashMap<>();
    private long lastId;

    private static final class Language {
        final Map<String, List<Long>> postings = new HashMap<>();
        final Map<Long, List<String>> words = new HashMap<>();
    }

    MemoryIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The remembered segments of {@code lang} at least {@code threshold} alike, best first, {@code limit} at most. */
    public List<Hit> search(String sourcePlain, String lang, int threshold, int limit) {
        List<String> query = WordTokens.lower(sourcePlain);
        if (query.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> shared = new HashMap<>();
        Map<Long, List<String>> candidateWords = new HashMap<>();
        synchronized (this) {
            refresh();
            Language index = languages.get(lang);
            if (index == null) {
                return List.of();
            }
            int common = Math.max(50, (int) (index.words.size() * COMMON));
            for (String word : new HashSet<>(query)) {
                List<Long> ids = index.postings.get(word);
                if (ids != null && ids.size() <= common) {
                    ids.forEach(id -> shared.merge(id, 1, Integer::sum));
                }
            }
            // a segment needs enough shared words to reach the threshold at all
            int needed = (int) Math.ceil(query.size() * threshold / 100.0 * 0.5);
            shared.entrySet().stream().filter(e -> e.getValue() >= Math.max(1, needed))
                    .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed()).limit(CANDIDATES)
                    .forEach(e -> candidateWords.put(e.getKey(), index.words.get(e.getKey())));
        }
        List<long[]> scored = new ArrayList<>();
        candidateWords.forEach((id, words) -> {
            int score = WordTokens.similarity(query, words);
            if (score >= threshold) {
                scored.add(new long[] {id, score});
            }
        });
        if (scored.isEmpty()) {
            return List.of();
        }
        scored.sort(Comparator.comparingLong((long[] s) -> -s[1]));
        List<Long> ids = scored.stream().limit(Math.max(limit * 3L, 10)).map(s -> s[0]).toList();
        Map<Long, Integer> scores = new HashMap<>();
        scored.forEach(s -> scores.put(s[0], (int) s[1]));
        String normalised = normalise(sourcePlain);
        List<Hit> hits = new ArrayList<>();
        for (Long id : ids) {
            jdbc.sql("select id, source_text, target_text, origin, coalesce(last_used_at, created_at) as at"
                            + " from translation_memory where id = ?").param(id)
                    .query((rs, i) -> new Hit(rs.getLong("id"), scores.get(id),
                            normalise(plain(rs.getString("source_text"))).equals(normalised),
                            rs.getString("source_text"), rs.getString("target_text"), rs.getString("origin"),
                            rs.getObject("at", OffsetDateTime.class)))
                    .optional().ifPresent(hits::add);
        }
        return hits;
    }

    /** Reads the rows added since the last search (a deleted row is skipped when it is fetched). */
    private void refresh() {
        List<Object[]> rows = jdbc.sql("select id, target_lang, source_text from translation_memory where id > ? order by id")
                .param(lastId)
                .query((rs, i) -> new Object[] {rs.getLong("id"), rs.getString("target_lang"), rs.getString("source_text")})
                .list();
        for (Object[] row : rows) {
            long id = (Long) row[0];
            Language index = languages.computeIfAbsent((String) row[1], l -> new Language());
            List<String> words = WordTokens.lower(plain((String) row[2]));
            index.words.put(id, words);
            for (String word : new HashSet<>(words)) {
                index.postings.computeIfAbsent(word, w -> new ArrayList<>()).add(id);
            }
            lastId = Math.max(lastId, id);
        }
    }

    static String plain(String text) {
        return text != null && text.indexOf('<') >= 0 ? Jsoup.parseBodyFragment(text).text() : text == null ? "" : text;
    }

    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    /** Forgets everything read (the next search reads the table again). */
    public synchronized void clear() {
        languages.clear();
        lastId = 0;
    }

}
