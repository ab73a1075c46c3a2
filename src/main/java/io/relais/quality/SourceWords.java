package io.relais.quality;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.languagetool.JLanguageTool;
import org.languagetool.rules.spelling.SpellingCheckRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The words of the French a translation was made from, which LanguageTool's spell checkers pass over in that
 * translation: a name ("Rennes", "Vitré"), a brand, a word the engine kept because it did not know it. The quality
 * checks never report those as spelling errors anyway (the unknown-word marks and the untranslated-French check do),
 * but LanguageTool computed a list of suggestions for each of them before Relais could drop it — most of its work on
 * Apertium's output.
 * <p>
 * Written by hand because LanguageTool has no ignore list for one check: {@link SpellingCheckRule#addIgnoreTokens}
 * is for the life of the instance. So the words are added to the spell checkers' ignored set of the instance the check
 * has borrowed (no other thread uses it meanwhile) and taken out again after it; only words that were not there
 * already (the newsroom dictionary's) are taken out. Should a LanguageTool version not have that set, nothing is
 * passed over and the checks report the same issues, only slower.
 */
final class SourceWords {

    private static final Logger log = LoggerFactory.getLogger(SourceWords.class);

    /** A word as the spelling exemptions read it (with its inner apostrophes, hyphens and dots), and its parts. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}'’.-]*");
    private static final Pattern INNER = Pattern.compile("['’.-]+");

    private static final SourceWords NONE = new SourceWords(Set.of(), "");

    private static final Field IGNORED = ignoredField();

    private final Set<String> words;
    private final String key;

    private SourceWords(Set<String> words, String key) {
        this.words = words;
        this.key = key;
    }

    /** The words of {@code source} (plain text; null or blank: none). */
    static SourceWords of(String source) {
        if (source == null || source.isBlank() || IGNORED == null) {
            return NONE;
        }
        Set<String> words = new TreeSet<>();
        Matcher m = WORD.matcher(source);
        while (m.find()) {
            String word = m.group();
            words.add(word);
            for (String part : INNER.split(word)) {
                if (!part.isEmpty()) {
                    words.add(part);
                }
            }
        }
        return words.isEmpty() ? NONE
                : new SourceWords(Set.copyOf(words), ":" + LanguageQualityChecker.sha256(String.join("\n", words)));
    }

    /** What the cache key adds for these words: a check passing over other words is another check. */
    String key() {
        return key;
    }

    /**
     * Adds the words to the ignored sets of {@code tool}'s spell checkers; returns what takes them out again (run it
     * before the instance goes back to the pool).
     */
    List<Runnable> passOver(JLanguageTool tool) {
        return passOver(tool.getAllActiveRules().stream().filter(SpellingCheckRule.class::isInstance)
                .map(SpellingCheckRule.class::cast).toList());
    }

    /** The same, given the instance's spell checkers (found once per instance: {@link LanguageQualityChecker}). */
    @SuppressWarnings("unchecked")
    List<Runnable> passOver(List<SpellingCheckRule> spellers) {
        if (words.isEmpty()) {
            return List.of();
        }
        List<Runnable> undo = new ArrayList<>();
        for (SpellingCheckRule speller : spellers) {
            Set<String> ignored;
            try {
                ignored = (Set<String>) IGNORED.get(speller);
            } catch (IllegalAccessException | ClassCastException e) {
                continue;
            }
            List<String> added = new ArrayList<>();
            for (String w : words) {
                if (ignored.add(w)) {
                    added.add(w);
                }
            }
            undo.add(() -> added.forEach(ignored::remove));
        }
        return undo;
    }

    private static Field ignoredField() {
        try {
            Field f = SpellingCheckRule.class.getDeclaredField("wordsToBeIgnored");
            f.setAccessible(true);
            return Set.class.isAssignableFrom(f.getType()) ? f : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.info("LanguageTool's spell checkers have no ignored set to use ({}): the words of the French are "
                    + "checked like any other", e.toString());
            return null;
        }
    }
}
