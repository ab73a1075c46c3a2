package io.relais.review.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.relais.article.Article;
import io.relais.quality.Lexicon;
import io.relais.terminology.Glossary;
import io.relais.terminology.LearnedFix;
import io.relais.terminology.LearnedFixes;
import io.relais.terminology.NewsroomDictionary;
import io.relais.terminology.SegmentText;
import io.relais.terminology.TranslationMemory;
import io.relais.translation.Translation;

/**
 * Predictive typing in a cell: the words an editor who has typed the beginning of a word most likely means, best
 * first. The language's words by frequency (LanguageTool's dictionary, {@link Lexicon}) are ranked under the words
 * this article and newsroom make likely: the cell's machine text (a word moved or re-inflected is typed again), the
 * rest of the article's machine text, the French cell's names and numbers (which pass into the translation as they
 * are), the fixes editors taught for this article, the glossary's terms, the newsroom dictionary's words and the words
 * of the segments editors wrote last in the language (the translation memory's editors' entries).
 * <p>
 * Hand-written because no library ranks completions from such a context. A cell's words and its language's newsroom
 * words are read once and kept for {@link #CONTEXT_NANOS} (an editor types many prefixes in a row, in many cells of
 * one language; what a save teaches is seen after that).
 */
@Component
class WordCompletions {

    /** A word: letters (with their marks) and digits; hyphens and apostrophes separate words, as the page sees them. */
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    static final int MAX_PREFIX = 40;
    private static final int OFFERED = 5;
    private static final long CONTEXT_NANOS = 20_000_000_000L;
    private static final int CONTEXTS = 256;

    /** How much more likely a word of each part of the context is than the language's words of its frequency. */
    private static final int CELL_MACHINE = 30;
    private static final int LEARNED = 30;
    private static final int FRENCH_NAME = 28;
    private static final int TERMS = 24;
    private static final int ARTICLE_MACHINE = 18;
    private static final int NEWSROOM = 16;
    /** How many of the editors' latest segments in the language tell the newsroom's words. */
    private static final int NEWSROOM_SEGMENTS = 500;
    /** How much less likely a capitalised word (a name) is when the editor started the word in lower case. */
    private static final int OTHER_CASE = 10;
    /** The frequency class given to a context word the dictionary does not list among a prefix's most frequent. */
    private static final int UNLISTED = 8;

    private record Context(Map<String, Integer> boosts, long at) {
    }

    private final Lexicon lexicon;
    private final Versions versions;
    private final LearnedFixes fixes;
    private final Glossary glossary;
    private final NewsroomDictionary dictionary;
    private final TranslationMemory memory;
    /** The newsroom's words by language (a handful of languages), read once for all the cells of all articles. */
    private final Map<String, Context> newsrooms = new ConcurrentHashMap<>();
    /** A cell's own words (its article's machine text, French, fixes) by translation and cell. */
    private final Map<String, Context> cells = Caffeine.newBuilder().maximumSize(CONTEXTS)
            .<String, Context>build().asMap();

    WordCompletions(Lexicon lexicon, Versions versions, LearnedFixes fixes, Glossary glossary,
                    NewsroomDictionary dictionary, TranslationMemory memory) {
        this.memory = memory;
        this.lexicon = lexicon;
        this.versions = versions;
        this.fixes = fixes;
        this.glossary = glossary;
        this.dictionary = dictionary;
    }

    /**
     * The words (at most five, best first) that begin with {@code prefix} whatever its letter case and are at least two
     * letters longer: a capital typed capitalises the word; a word written with a capital (a name) is less likely for a
     * lower-case start, and offered with its capital.
     */
    List<String> complete(Translation t, Article source, String key, String prefix) {
        Map<String, Integer> cell = fresh(cells, t.id() + "/" + key, () -> cellWords(t, source, key));
        Map<String, Integer> newsroom = fresh(newsrooms, t.lang(), () -> newsroomWords(t.lang()));
        Map<String, Integer> score = new HashMap<>();
        // one letter: the article's and newsroom's words only (the language's are too many to rank on one letter)
        for (Lexicon.Word w : prefix.length() < 2 ? List.<Lexicon.Word>of() : lexicon.complete(t.lang(), prefix, 16)) {
            score.merge(w.word(), w.frequency() + boost(w.word(), cell, newsroom), Math::max);
        }
        for (Map<String, Integer> context : List.of(cell, newsroom)) {
            for (String word : context.keySet()) {
                if (word.length() >= prefix.length() + 2 && word.regionMatches(true, 0, prefix, 0, prefix.length())) {
                    score.putIfAbsent(word, UNLISTED + boost(word, cell, newsroom));
                }
            }
        }
        boolean capital = Character.isUpperCase(prefix.codePointAt(0));
        return score.entrySet().stream()
                .filter(e -> e.getKey().length() >= prefix.length() + 2)
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> e.getValue()
                                - (capital || !Character.isUpperCase(e.getKey().codePointAt(0)) ? 0 : OTHER_CASE))
                        .reversed()
                        .thenComparingInt(e -> e.getKey().length())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> written(prefix, e.getKey()))
                .distinct()
                .limit(OFFERED)
                .toList();
    }

    /**
     * A word as it is offered for what was typed: in capitals when the prefix is (two letters or more), capitalised
     * when its first letter is, and otherwise as written (a name keeps its capital; the page then writes the whole
     * word over the prefix).
     */
    static String written(String prefix, String word) {
        if (prefix.length() > 1 && prefix.equals(prefix.toUpperCase(Locale.ROOT))
                && !prefix.equals(prefix.toLowerCase(Locale.ROOT))) {
            return word.toUpperCase(Locale.ROOT);
        }
        int first = word.codePointAt(0);
        if (Character.isUpperCase(prefix.codePointAt(0)) && !Character.isUpperCase(first)) {
            return Character.toString(Character.toTitleCase(first)) + word.substring(Character.charCount(first));
        }
        return word;
    }

    private static int boost(String word, Map<String, Integer> cell, Map<String, Integer> newsroom) {
        return Math.max(cell.getOrDefault(word, 0), newsroom.getOrDefault(word, 0));
    }

    /**
     * An editor's text of the language was stored in the translation memory: its newsroom's words are read again at
     * the next prefix (after the commit, so that they are read with it).
     */
    void newsroomWrote(String lang) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    newsrooms.remove(lang);
                }
            });
        } else {
            newsrooms.remove(lang);
        }
    }

    /** What a cache holds for a key, built again when older than {@link #CONTEXT_NANOS}. */
    private static Map<String, Integer> fresh(Map<String, Context> cache, String key,
                                              Supplier<Map<String, Integer>> build) {
        Context c = cache.get(key);
        if (c == null || System.nanoTime() - c.at() > CONTEXT_NANOS) {
            c = new Context(build.get(), System.nanoTime());
            cache.put(key, c);
        }
        return c.boosts();
    }

    /** The words editors of the language wrote last, its glossary's terms and its newsroom dictionary. */
    private Map<String, Integer> newsroomWords(String lang) {
        Map<String, Integer> boosts = new HashMap<>();
        for (String segment : memory.editorsLatest(lang, NEWSROOM_SEGMENTS)) {
            add(boosts, SegmentText.html(segment).plain(), NEWSROOM);
        }
        for (String term : glossary.termsFor(lang).values()) {
            add(boosts, term, TERMS);
        }
        for (String word : dictionary.words(lang).words()) {
            add(boosts, word, TERMS);
        }
        return boosts;
    }

    /** The article's machine text (this cell's above the rest), the French cell's names and numbers, its fixes. */
    private Map<String, Integer> cellWords(Translation t, Article source, String key) {
        Map<String, Integer> boosts = new HashMap<>();
        WorkingCopy machine = versions.machine(t);
        for (String other : machine.keys(0, false)) {
            if (!other.equals(key)) {
                add(boosts, Cells.segment(other, machine.text(other)).plain(), ARTICLE_MACHINE);
            }
        }
        add(boosts, Cells.segment(key, machine.text(key)).plain(), CELL_MACHINE);
        Matcher m = WORD.matcher(SegmentAssist.french(source, key).plain());
        while (m.find()) {
            String word = m.group();
            if (Character.isUpperCase(word.codePointAt(0)) || Character.isDigit(word.codePointAt(0))) {
                boosts.merge(word, FRENCH_NAME, Math::max);
            }
        }
        for (LearnedFix fix : fixes.learnedIn(t.articleId(), t.lang())) {
            add(boosts, fix.editorWords(), LEARNED);
        }
        return boosts;
    }

    private static void add(Map<String, Integer> boosts, String text, int boost) {
        if (text == null) {
            return;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            boosts.merge(m.group(), boost, Math::max);
        }
    }
}
