package io.relais.quality;

import java.io.IOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.spelling.SpellingCheckRule;
import org.languagetool.rules.spelling.morfologik.MorfologikSpellerRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ConcurrentLruCache;

import morfologik.fsa.FSA;
import morfologik.fsa.FSATraversal;
import morfologik.fsa.MatchResult;
import morfologik.stemming.Dictionary;

/**
 * The words of a target language, most frequent first, by how they begin: LanguageTool's own spelling dictionary
 * (a Morfologik automaton whose entries carry a frequency class, 0 to 25), read for word completion in the
 * workbench. Written by hand because neither LanguageTool nor Morfologik offers prefix completion: the automaton is
 * walked to the prefix's node and its words enumerated from there. A language whose speller is not a Morfologik one
 * (German's Hunspell) has no lexicon: {@link #complete} answers nothing.
 */
@Component
public class Lexicon {

    private static final Logger log = LoggerFactory.getLogger(Lexicon.class);

    /** The most words enumerated under one prefix (a two-letter prefix of Spanish has tens of thousands of forms). */
    private static final int MAX_ENUMERATED = 200_000;
    private static final int CACHED_PREFIXES = 4096;
    /** The most words kept for a prefix (the most frequent). */
    private static final int KEPT = 16;

    /** A word and its frequency class (0, rare, to 25, most frequent). */
    public record Word(String word, int frequency) {
    }

    /**
     * A dictionary, and for one without frequencies (Italian's) the frequency classes of the language's common words
     * (LanguageTool's {@code common_words.txt}, most frequent first).
     */
    private record Automaton(FSA fsa, byte separator, boolean frequencies, java.nio.charset.Charset charset,
                             Map<String, Integer> common) {
    }

    private final Map<String, Optional<Automaton>> automata = new ConcurrentHashMap<>();
    /** A prefix's most frequent words, by language and prefix ({@code lang + '\0' + prefix}). */
    private final ConcurrentLruCache<String, List<Word>> cache = new ConcurrentLruCache<>(CACHED_PREFIXES, key -> {
        int at = key.indexOf('\0');
        return automaton(key.substring(0, at)).map(a -> enumerate(a, key.substring(at + 1))).orElse(List.of());
    });

    /**
     * The {@code limit} most frequent words of {@code lang} that begin with {@code prefix}, longer than it, whatever the
     * case of the prefix's first letter (each word as the dictionary writes it). Empty without a lexicon for the
     * language.
     */
    public List<Word> complete(String lang, String prefix, int limit) {
        if (prefix == null || prefix.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<Word> cached = cache.get(lang + '\0' + prefix);
        return cached.size() <= limit ? cached : cached.subList(0, limit);
    }

    /** Whether there are words of {@code lang} to complete from. */
    public boolean has(String lang) {
        return automaton(lang).isPresent();
    }

    private static List<Word> enumerate(Automaton a, String prefix) {
        Map<String, Integer> best = new HashMap<>();
        for (String start : starts(prefix)) {
            byte[] bytes = start.getBytes(a.charset());
            MatchResult match = new FSATraversal(a.fsa()).match(bytes);
            if (match.kind != MatchResult.SEQUENCE_IS_A_PREFIX) {
                continue;   // no word begins so (a word's entry never ends at its last letter: data follows it)
            }
            int seen = 0;
            for (ByteBuffer sequence : a.fsa().getSequences(match.node)) {
                if (++seen > MAX_ENUMERATED) {
                    break;
                }
                byte[] b = sequence.array();
                int n = sequence.remaining();
                int sep = 0;
                while (sep < n && b[sep] != a.separator()) {
                    sep++;
                }
                if (sep == 0 || sep == n && a.frequencies()) {
                    continue;   // the prefix itself, or an entry with no separator
                }
                String word = start + new String(b, 0, sep, a.charset());
                int frequency = a.frequencies() ? Math.max(0, Math.min(25, b[n - 1] - 'A'))
                        : a.common().getOrDefault(word, 0);
                best.merge(word, frequency, Math::max);
            }
        }
        return best.entrySet().stream()
                .map(e -> new Word(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Word::frequency).reversed()
                        .thenComparingInt(w -> w.word().length()).thenComparing(Word::word))
                .limit(KEPT)
                .toList();
    }

    /**
     * Where to look for a prefix: as typed, with its first letter's case changed (proper names are stored capitalised;
     * a sentence's first word is typed capitalised), and in lower case and capitalised (a word typed in capitals).
     */
    private static List<String> starts(String prefix) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        return java.util.stream.Stream.of(prefix, swapFirst(prefix), lower, swapFirst(lower)).distinct().toList();
    }

    private static String swapFirst(String text) {
        int first = text.codePointAt(0);
        int swapped = Character.isUpperCase(first) ? Character.toLowerCase(first) : Character.toUpperCase(first);
        return Character.toString(swapped) + text.substring(Character.charCount(first));
    }

    /**
     * The frequency classes of a language's common words by rank: 25 for the most frequent, about 9 at rank 1,500,
     * 5 at rank 10,000 (the dictionary's classes run 0 to 25 the same way).
     */
    private static Map<String, Integer> common(Language language) {
        String path = "/" + language.getShortCode() + "/common_words.txt";
        if (!JLanguageTool.getDataBroker().resourceExists(path)) {
            return Map.of();
        }
        Map<String, Integer> classes = new HashMap<>();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                JLanguageTool.getDataBroker().getFromResourceDirAsStream(path), java.nio.charset.StandardCharsets.UTF_8))) {
            int rank = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    rank++;
                    classes.putIfAbsent(word, (int) Math.max(1, Math.round(25 - 1.5 * Math.log(rank) / Math.log(2))));
                }
            }
        } catch (IOException e) {
            log.warn("no common words of {}: {}", language.getShortCode(), e.toString());
        }
        return classes;
    }

    private Optional<Automaton> automaton(String lang) {
        return automata.computeIfAbsent(lang, Lexicon::load);
    }

    private static Optional<Automaton> load(String lang) {
        String code = LanguageQualityChecker.ENGINE_VARIANTS.getOrDefault(lang, lang);   // the variant written
        if (!Languages.isLanguageSupported(code)) {
            return Optional.empty();
        }
        try {
            Language language = Languages.getLanguageForShortCode(code);
            SpellingCheckRule rule = language.getDefaultSpellingRule();
            if (!(rule instanceof MorfologikSpellerRule speller)) {
                return Optional.empty();
            }
            URL url = JLanguageTool.getDataBroker().getFromResourceDirAsUrl(speller.getFileName());
            if (url == null) {
                return Optional.empty();
            }
            Dictionary dictionary = Dictionary.read(url);
            boolean frequencies = dictionary.metadata.isFrequencyIncluded();
            return Optional.of(new Automaton(dictionary.fsa, dictionary.metadata.getSeparator(), frequencies,
                    java.nio.charset.Charset.forName(dictionary.metadata.getEncoding()),
                    frequencies ? Map.of() : common(language)));
        } catch (IOException | RuntimeException e) {
            log.warn("no word completion from LanguageTool's dictionary for {}: {}", lang, e.toString());
            return Optional.empty();
        }
    }
}
