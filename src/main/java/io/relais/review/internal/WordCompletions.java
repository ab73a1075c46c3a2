package io.relais.review.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

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
 * Hand-written because no library ranks completions from such a context; the context of a cell is read once and kept
 * for {@link #CONTEXT_NANOS} (an editor types many prefixes in a row; what a save teaches is seen after that).
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
    private final Map<String, Context> contexts = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Context> eldest) {
                    return size() > CONTEXTS;
                }
            });

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
        Map<String, Integer> boosts = context(t, source, key);
        Map<String, Integer> score = new HashMap<>();
        // one letter: the article's and newsroom's words only (the language's are too many to rank on one letter)
        for (Lexicon.Word w : prefix.length() < 2 ? List.<Lexicon.Word>of() : lexicon.complete(t.lang(), prefix, 16)) {
            score.merge(w.word(), w.frequency() + boosts.getOrDefault(w.word(), 0), Math::max);
        }
        for (Map.Entry<String, Integer> e : boosts.entrySet()) {
            String word = e.getKey();
            if (word.length() >= prefix.length() + 2 && word.regionMatches(true, 0, prefix, 0, prefix.length())) {
                score.putIfAbsent(word, UNLISTED + e.getValue());
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

    private Map<String, Integer> context(Translation t, Article source, String key) {
        String id = t.id() + "/" + key;
        Context c = contexts.get(id);
        if (c == null || System.nanoTime() - c.at() > CONTEXT_NANOS) {
            c = new Context(build(t, source, key), System.nanoTime());
            contexts.put(id, c);
        }
        return c.boosts();
    }

    private Map<String, Integer> build(Translation t, Article source, String key) {
        Map<String, Integer> boosts = new HashMap<>();
        for (String segment : memory.editorsLatest(t.lang(), NEWSROOM_SEGMENTS)) {
            add(boosts, SegmentText.html(segment).plain(), NEWSROOM);
        }
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
        for (String term : glossary.termsFor(t.lang()).values()) {
            add(boosts, term, TERMS);
        }
        for (String word : dictionary.words(t.lang()).words()) {
            add(boosts, word, TERMS);
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
