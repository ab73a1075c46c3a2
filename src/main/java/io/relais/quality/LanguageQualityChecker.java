package io.relais.quality;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.codec.digest.DigestUtils;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.RuleMatch;
import org.languagetool.rules.spelling.SpellingCheckRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import io.relais.engine.finishing.SafeCorrections;
import io.relais.terminology.NewsroomDictionary;
import io.relais.translation.TargetLanguages;

/**
 * Checks text with LanguageTool in the language it is written in, in the variant the engine writes
 * ({@code relais.quality.variants}: Apertium's English is British, so {@code en} is checked as {@code en-GB};
 * checked as en-US, every “centre” and “organisation” would be a false spelling issue). {@link JLanguageTool} is not
 * thread-safe and slow to create (and large), so instances are pooled per variant: each check borrows one and gives
 * it back, and at most {@code relais.quality.checkers-per-language} exist per variant — a further check waits for
 * one to be free.
 */
@Service
public class LanguageQualityChecker {

    public static final String CHECKER = "languagetool";

    /** The variants the embedded engine (Apertium) writes; only a variant has a spell checker. */
    public static final Map<String, String> ENGINE_VARIANTS = Map.of(
            "en", "en-GB", "pt", "pt-PT", "de", "de-DE", "ca", "ca-ES");

    /** Idle instances of a language, and permits for as many instances as may exist. */
    private record Pool(Semaphore permits, ConcurrentLinkedDeque<Instance> idle) {
    }

    /**
     * One LanguageTool instance, its spell checkers (found once: finding them among its active rules took a fiftieth
     * of the checks' time) and the dictionary words they already ignore.
     */
    private record Instance(JLanguageTool tool, List<SpellingCheckRule> spellers, Set<String> ignored, long version) {

        static Instance of(JLanguageTool tool) {
            return new Instance(tool, tool.getAllActiveRules().stream().filter(SpellingCheckRule.class::isInstance)
                    .map(SpellingCheckRule.class::cast).toList(), Set.of(), 0);
        }
    }

    /** No newsroom dictionary (a checker made outside Spring): no word added, one version. */
    private static final Function<String, NewsroomDictionary.Words> NO_WORDS = lang -> new NewsroomDictionary.Words(0,
            Set.of());

    private volatile Function<String, NewsroomDictionary.Words> dictionary = NO_WORDS;

    static final int DEFAULT_PER_LANGUAGE = 4;

    static final int CACHE_ENTRIES = 20_000;

    private final Map<String, Pool> pools = new ConcurrentHashMap<>();
    /**
     * What one LanguageTool run found: the issues, the matches with exactly one replacement (not spelling), and
     * whether the spelling issues carry their suggestions (see {@link #check(String, String, String, boolean)}).
     */
    private record Checked(List<QualityIssue> issues, List<SafeCorrections.Match> singleReplacements,
                           boolean spellingSuggestions) {
        static final Checked NOTHING = new Checked(List.of(), List.of(), true);
    }

    private final Map<String, Checked> checked = Caffeine.newBuilder().maximumSize(CACHE_ENTRIES)
            .<String, Checked>build().asMap();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong cacheMisses = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final int perLanguage;
    private final Map<String, String> variants;

    @Autowired
    public LanguageQualityChecker(QualitySettings settings, TargetLanguages languages) {
        this(perLanguage(settings.checkersPerLanguage(), languages.languages().size()), settings.variants());
    }

    /**
     * {@code relais.quality.checkers-per-language}, or with 0 (the default) the machine's cores shared out over the
     * target languages, at least one each: every instance holds its rule sets (tens of MB), and more instances than
     * checks the cores can run at once only fill the heap. On 2 cores with five languages the service held up to three
     * per language: with them, the live heap of a service that had run a while sat at the collector's marking threshold
     * and marking took a fifth of the CPU; with one, 2 CPU s of 114 (docs/measurements.md).
     */
    static int perLanguage(int configured, int languages) {
        if (configured > 0) {
            return configured;
        }
        int shares = Math.max(1, languages);
        return Math.max(1, (Runtime.getRuntime().availableProcessors() + shares - 1) / shares);
    }

    /** With the default of {@code relais.quality.checkers-per-language} and the engine's variants. */
    public LanguageQualityChecker() {
        this(DEFAULT_PER_LANGUAGE, Map.of());
    }

    /** @param variants language to LanguageTool variant, e.g. {@code en -> en-US}; the engine's own otherwise */
    public LanguageQualityChecker(Map<String, String> variants) {
        this(DEFAULT_PER_LANGUAGE, variants);
    }

    LanguageQualityChecker(int perLanguage) {
        this(perLanguage, Map.of());
    }

    LanguageQualityChecker(int perLanguage, Map<String, String> variants) {
        this.perLanguage = Math.max(1, perLanguage);
        Map<String, String> merged = new HashMap<>(ENGINE_VARIANTS);
        if (variants != null) {
            merged.putAll(variants);
        }
        this.variants = Map.copyOf(merged);
    }

    /**
     * The newsroom's dictionary: its words are added to the spell checkers' ignore lists of every pooled instance
     * before its next check (an instance whose words were removed is replaced), and a check remembered before the
     * words changed is not reused (the cache key holds the dictionary's version).
     */
    @Autowired(required = false)
    public void setDictionary(NewsroomDictionary dictionary) {
        this.dictionary = dictionary == null ? NO_WORDS : dictionary::words;
    }

    /** The newsroom dictionary's words of a language: never spelling errors, nor French or pivot words left. */
    public Set<String> dictionaryWords(String lang) {
        return dictionary.apply(lang.split("-")[0]).words();
    }

    public boolean supports(String lang) {
        return language(variant(lang)) != null;
    }

    /** The LanguageTool code a language is checked in, e.g. {@code en-GB} for {@code en}. */
    public String variant(String lang) {
        return variants.getOrDefault(lang, lang);
    }

    public List<QualityIssue> check(String plainText, String lang) {
        return checkVariant(plainText, variant(lang));
    }

    /**
     * The issues of a translation of {@code source} (the French, plain text): a word the French has verbatim (a name,
     * a word the engine kept) is no spelling error there, so LanguageTool is told to pass over it instead of reporting
     * it and computing its suggestions, which was most of its work on Apertium's output (docs/measurements.md, "Where
     * an express article's CPU goes").
     */
    public List<QualityIssue> check(String plainText, String lang, String source) {
        return check(plainText, lang, source, true);
    }

    /**
     * {@link #check(String, String, String)}, with the suggestions of the spelling issues only when
     * {@code spellingSuggestions}: without them, the same issues at the same places with the same messages, a spelling
     * issue with no suggestion. LanguageTool's language filters ask every spelling match for them, which made them 3 to
     * 5 times the rest of the check on Apertium's output with no word passed over (less once the French's words are:
     * docs/measurements.md), and only an editor reads them: a translation's own check (publication's gate, estimate,
     * stored issues) goes without, the workbench asks for them (computed then, and remembered).
     */
    public List<QualityIssue> check(String plainText, String lang, String source, boolean spellingSuggestions) {
        return checked(plainText, variant(lang), source, spellingSuggestions).issues();
    }

    /**
     * Checks in an explicit LanguageTool code, e.g. {@code en-US}. LanguageTool never runs twice on the same text:
     * the issues of the last {@value #CACHE_ENTRIES} texts are remembered by language and text hash (repeated
     * segments: agency credits, the unchanged paragraphs of a new revision, a retried article).
     */
    public List<QualityIssue> checkVariant(String plainText, String code) {
        return checked(plainText, code).issues();
    }

    /**
     * The matches of {@code text} that offer exactly one replacement, spelling excepted, from the same run (and the
     * same cache) as {@link #check}: the target-language finishing picks its safe corrections among them, so a
     * segment the finishing leaves unchanged is not read by LanguageTool a second time when it is checked.
     */
    public List<SafeCorrections.Match> singleReplacements(String text, String lang) {
        return checked(text, variant(lang), null, false).singleReplacements();
    }

    /** {@link #singleReplacements(String, String)} of a translation of {@code source}, as {@link #check(String, String, String)}. */
    public List<SafeCorrections.Match> singleReplacements(String text, String lang, String source) {
        return checked(text, variant(lang), source, false).singleReplacements();
    }

    /** This checker as the source of the target-language finishing's safe corrections. */
    public SafeCorrections.Source asCorrectionSource() {
        return new SafeCorrections.Source() {
            @Override
            public List<SafeCorrections.Match> singleReplacements(String text, String target, String source) {
                return LanguageQualityChecker.this.singleReplacements(text, target, source);
            }

            @Override
            public void corrected(String text, String target, List<SafeCorrections.Match> applied, String corrected,
                                  String source) {
                LanguageQualityChecker.this.corrected(text, target, applied, corrected, source);
            }
        };
    }

    /**
     * Remembers the check of {@code corrected} as derived from the run on {@code text} (when that run is still
     * remembered): the matches the corrections replaced are gone, the others moved by the length the corrections
     * added or removed before them; {@code text} and {@code corrected} translate {@code source}, whose words the run
     * passed over. Written by hand because LanguageTool re-reads a whole text for one changed word,
     * and a safe correction (one suggested replacement of a listed rule) changes only the words it replaces.
     */
    public void corrected(String text, String lang, List<SafeCorrections.Match> applied, String corrected,
                          String source) {
        String code = variant(lang);
        long version = words(code).version();
        SourceWords exempt = SourceWords.of(source);
        Checked before = text == null || text.isBlank() ? null : checked.get(key(code, version, text, exempt));
        if (before == null || corrected == null || corrected.isBlank()) {
            return;
        }
        List<QualityIssue> issues = new ArrayList<>();
        for (QualityIssue i : before.issues()) {
            int[] moved = moved(i.startOffset(), i.endOffset(), applied);
            if (moved != null) {
                issues.add(new QualityIssue(i.checker(), i.ruleId(), i.message(), moved[0], moved[1], i.suggestion(),
                        i.severity(), i.args(), i.alternatives()));
            }
        }
        List<SafeCorrections.Match> singles = new ArrayList<>();
        for (SafeCorrections.Match m : before.singleReplacements()) {
            int[] moved = moved(m.from(), m.to(), applied);
            if (moved != null) {
                singles.add(new SafeCorrections.Match(m.rule(), m.message(), moved[0], moved[1], m.replacement()));
            }
        }
        checked.put(key(code, version, corrected, exempt), new Checked(List.copyOf(issues), List.copyOf(singles),
                before.spellingSuggestions()));
    }

    /** A span's place after the replacements, or null when a replacement touched it (a span around one is kept). */
    private static int[] moved(int from, int to, List<SafeCorrections.Match> applied) {
        int shiftFrom = 0;
        int shiftTo = 0;
        for (SafeCorrections.Match a : applied) {
            int delta = a.replacement().length() - (a.to() - a.from());
            boolean inside = a.from() >= from && a.to() <= to && (a.from() > from || a.to() < to);
            if (a.to() <= from) {
                shiftFrom += delta;
                shiftTo += delta;
            } else if (inside) {
                shiftTo += delta;
            } else if (a.from() < to) {
                return null;   // the replacement overlaps the span or is the span itself
            }
        }
        return new int[] {from + shiftFrom, to + shiftTo};
    }

    private Checked checked(String plainText, String code) {
        return checked(plainText, code, null, true);
    }

    private Checked checked(String plainText, String code, String source, boolean spellingSuggestions) {
        if (plainText == null || plainText.isBlank()) {
            return Checked.NOTHING;
        }
        NewsroomDictionary.Words words = words(code);
        SourceWords exempt = SourceWords.of(source);
        String key = key(code, words.version(), plainText, exempt);
        Checked known = checked.get(key);
        if (known != null && (known.spellingSuggestions() || !spellingSuggestions)) {
            cacheHits.incrementAndGet();
            return known;
        }
        cacheMisses.incrementAndGet();
        long cpu = cpuTime();
        Checked found = runLanguageTool(plainText, code, words, exempt, spellingSuggestions);
        cpuNanos.addAndGet(cpuTime() - cpu);
        checked.put(key, found);
        return found;
    }

    /** The cache's key: the text in a language, with the dictionary's version and the words passed over. */
    private static String key(String code, long dictionaryVersion, String text, SourceWords exempt) {
        return code + ':' + dictionaryVersion + ':' + sha256(text) + exempt.key();
    }

    /** Texts answered from the cache, and texts LanguageTool read, since start. */
    public long cacheHits() {
        return cacheHits.get();
    }

    public long cacheMisses() {
        return cacheMisses.get();
    }

    private static long cpuTime() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** CPU time LanguageTool took on the texts it read since start, summed over threads (bench/pipeline prints it). */
    public Duration languageToolCpu() {
        return Duration.ofNanos(cpuNanos.get());
    }

    static String sha256(String text) {
        return DigestUtils.sha256Hex(text);
    }

    /** The dictionary words of a LanguageTool code's language ({@code en-GB}: en's). */
    private NewsroomDictionary.Words words(String code) {
        return dictionary.apply(code.split("-")[0]);
    }

    private Checked runLanguageTool(String plainText, String code, NewsroomDictionary.Words words,
                                    SourceWords exempt, boolean spellingSuggestions) {
        Language language = language(code);
        if (language == null) {
            throw new IllegalArgumentException("LanguageTool has no language " + code);
        }
        Pool pool = pools.computeIfAbsent(code, k -> new Pool(new Semaphore(perLanguage), new ConcurrentLinkedDeque<>()));
        pool.permits().acquireUninterruptibly();
        Instance instance = pool.idle().pollFirst();
        List<Runnable> undo = List.of();
        try {
            instance = withWords(instance, language, words);
            JLanguageTool tool = instance.tool();
            undo = exempt.passOver(instance.spellers());
            List<QualityIssue> issues = new ArrayList<>();
            List<SafeCorrections.Match> singles = new ArrayList<>();
            List<RuleMatch> matches = spellingSuggestions ? tool.check(plainText)
                    : tool.check(plainText, LanguageQualityChecker::withoutSpellingSuggestions);
            for (RuleMatch match : matches) {
                List<String> suggestions = match.getSuggestedReplacements();
                issues.add(new QualityIssue(CHECKER, match.getRule().getId(), match.getMessage(),
                        match.getFromPos(), match.getToPos(), suggestions.isEmpty() ? null : suggestions.get(0),
                        severity(match), List.of(), suggestions.size() <= 1 ? List.of()
                        : List.copyOf(suggestions.subList(1, Math.min(5, suggestions.size())))));
                if (suggestions.size() == 1 && !match.getRule().isDictionaryBasedSpellingRule()) {
                    singles.add(new SafeCorrections.Match(match.getRule().getId(), match.getMessage(),
                            match.getFromPos(), match.getToPos(), suggestions.get(0)));
                }
            }
            // with no spelling issue, nothing was left out: an editor's check may be answered from this run
            return new Checked(List.copyOf(issues), List.copyOf(singles),
                    spellingSuggestions || issues.stream().noneMatch(i -> "spelling".equals(i.severity())));
        } catch (IOException e) {
            throw new IllegalStateException("LanguageTool failed on " + code + ": " + e.getMessage(), e);
        } finally {
            undo.forEach(Runnable::run);
            if (instance != null) {
                pool.idle().offerFirst(instance);
            }
            pool.permits().release();
        }
    }

    /**
     * An instance whose spell checkers ignore exactly the dictionary's words: the idle one given the words added
     * since, or a new one when there was none or words were removed (LanguageTool can add ignored words, not remove
     * them).
     */
    private static Instance withWords(Instance instance, Language language, NewsroomDictionary.Words words) {
        if (instance != null && instance.version() == words.version()) {
            return instance;
        }
        Instance current = instance == null || !words.words().containsAll(instance.ignored())
                ? Instance.of(new JLanguageTool(language)) : instance;
        List<String> added = words.words().stream().filter(w -> !current.ignored().contains(w)).toList();
        if (!added.isEmpty()) {
            current.spellers().forEach(speller -> speller.addIgnoreTokens(added));
        }
        return new Instance(current.tool(), current.spellers(), words.words(), words.version());
    }

    /**
     * Told of each match as LanguageTool finds it, before its filters: a spelling match's suggestions, still to be
     * computed (LanguageTool computes them lazily), are dropped, so that the filters that read every match's
     * suggestions do not compute them.
     */
    private static void withoutSpellingSuggestions(RuleMatch match) {
        if (match.getRule().isDictionaryBasedSpellingRule()) {
            match.discardLazySuggestedReplacements();
        }
    }

    private static String severity(RuleMatch match) {
        if (match.getRule().isDictionaryBasedSpellingRule()) {
            return "spelling";
        }
        return match.getRule().getLocQualityIssueType().toString().toLowerCase();
    }

    static Language language(String code) {
        return Languages.isLanguageSupported(code) ? Languages.getLanguageForShortCode(code) : null;
    }
}
