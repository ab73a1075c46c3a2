package io.relais.terminology.internal;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * One language's index, compact: each word is a number, each segment the numbers of its words, each word the ids
     * of the segments that have it (a memory of a million segments takes tens of megabytes, not hundreds).
     */
    private static final class Language {
        final Map<String, Integer> vocabulary = new HashMap<>();
        final List<String> spelled = new ArrayList<>();
        final List<long[]> postings = new ArrayList<>();
        final List<Integer> postingSizes = new ArrayList<>();
        final Map<Long, int[]> words = new HashMap<>();

        int number(String word) {
            return vocabulary.computeIfAbsent(word, w -> {
                spelled.add(w);
                postings.add(new long[4]);
                postingSizes.add(0);
                return spelled.size() - 1;
            });
        }

        void add(long id, List<String> segmentWords) {
            int[] numbers = new int[segmentWords.size()];
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = number(segmentWords.get(i));
                if (seen.add(numbers[i])) {
                    long[] ids = postings.get(numbers[i]);
                    int size = postingSizes.get(numbers[i]);
                    if (size == ids.length) {
                        ids = Arrays.copyOf(ids, size * 2);
                        postings.set(numbers[i], ids);
                    }
                    ids[size] = id;
                    postingSizes.set(numbers[i], size + 1);
                }
            }
            words.put(id, numbers);
        }

        List<String> spelledOut(int[] numbers) {
            List<String> out = new ArrayList<>(numbers.length);
            for (int n : numbers) {
                out.add(spelled.get(n));
            }
            return out;
        }
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
                Integer n = index.vocabulary.get(word);
                int size = n == null ? 0 : index.postingSizes.get(n);
                if (n != null && size <= common) {
                    long[] ids = index.postings.get(n);
                    for (int i = 0; i < size; i++) {
                        shared.merge(ids[i], 1, Integer::sum);
                    }
                }
            }
            // a segment needs enough shared words to reach the threshold at all
            int needed = (int) Math.ceil(query.size() * threshold / 100.0 * 0.5);
            shared.entrySet().stream().filter(e -> e.getValue() >= Math.max(1, needed))
                    .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed()).limit(CANDIDATES)
                    .forEach(e -> candidateWords.put(e.getKey(), index.spelledOut(index.words.get(e.getKey()))));
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
        // row by row: the first search of a long-running memory reads the whole table once
        jdbc.sql("select id, target_lang, source_text from translation_memory where id > ? order by id").param(lastId)
                .query(rs -> {
                    long id = rs.getLong("id");
                    languages.computeIfAbsent(rs.getString("target_lang"), l -> new Language())
                            .add(id, WordTokens.lower(plain(rs.getString("source_text"))));
                    lastId = Math.max(lastId, id);
                });
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
