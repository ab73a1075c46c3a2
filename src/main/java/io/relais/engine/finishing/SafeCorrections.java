package io.relais.engine.finishing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;

/**
 * LanguageTool's corrections that are safe to make without an editor: only the listed rules (per target language),
 * only where the rule offers exactly one replacement. Which rules are listed is measured, not guessed:
 * {@code ./relais eval} prints the effect of each candidate rule on chrF, and a rule is kept only if it does not
 * lower it. {@link JLanguageTool} is not thread-safe: one instance per thread at a time, pooled per language, with
 * every other rule disabled (which also makes it fast).
 */
public class SafeCorrections {

    /** Languages with variants need one (only a variant has all its rules): those Apertium writes, as checked. */
    private static final Map<String, String> VARIANTS = Map.of("en", "en-GB", "pt", "pt-PT", "de", "de-DE", "ca", "ca-ES");

    /**
     * Where the matches come from when the service checks its translations anyway: LanguageTool's matches with one
     * replacement (spelling excepted) of every rule, from the run whose issues the quality check reports — so that
     * LanguageTool reads a segment once, not once to correct it and again to check it.
     */
    @FunctionalInterface
    public interface Source {
        /** The matches in {@code text}, a translation of {@code french} (plain text; null: unknown). */
        List<Match> singleReplacements(String text, String target, String french);

        /**
         * Told that {@code text} became {@code corrected} by the {@code applied} replacements (offsets in {@code text},
         * in order, not overlapping), so that the check of the corrected text can be derived from the run on
         * {@code text} instead of running LanguageTool again.
         */
        default void corrected(String text, String target, List<Match> applied, String corrected, String french) {
        }
    }

    private final Map<String, Set<String>> rules;
    private final Supplier<Source> source;
    private final Map<String, ConcurrentLinkedDeque<JLanguageTool>> pools = new ConcurrentHashMap<>();

    /** @param rules target language to the ids of the rules applied in it (LanguageTool run by this instance) */
    public SafeCorrections(Map<String, ? extends Collection<String>> rules) {
        this(rules, () -> null);
    }

    /**
     * @param rules  target language to the ids of the rules applied in it
     * @param source the shared matches (looked up at first use; when it gives none, this instance runs LanguageTool)
     */
    public SafeCorrections(Map<String, ? extends Collection<String>> rules,
                           Supplier<Source> source) {
        this.source = source;
        Map<String, Set<String>> copy = new ConcurrentHashMap<>();
        rules.forEach((lang, ids) -> {
            Set<String> kept = new HashSet<>();
            ids.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(kept::add);
            if (!kept.isEmpty() && language(lang) != null) {
                copy.put(lang, kept);
            }
        });
        this.rules = copy;
    }

    public boolean appliesTo(String target) {
        return rules.containsKey(target);
    }

    /** A rule's match with one replacement: {@code from}/{@code to} are offsets in the checked text. */
    public record Match(String rule, String message, int from, int to, String replacement) {
    }

    /**
     * The text, a translation of {@code french} (plain text; null: unknown), with the listed rules' single replacements
     * made; each is reported to {@code corrections}.
     */
    public String apply(String text, String target, Consumer<Correction> corrections, String french) {
        Set<String> ids = rules.get(target);
        if (ids == null || text.isBlank()) {
            return text;
        }
        List<Match> applied = applicable(text, matchesOfTranslation(text, target, french));
        String corrected = applyMatches(text, applied, corrections);
        tellCorrected(text, target, applied, corrected, french);
        return corrected;
    }

    /**
     * Tells the shared source, if any, which replacements turned {@code text}, a translation of {@code french}, into
     * {@code corrected}.
     */
    public void tellCorrected(String text, String target, List<Match> applied, String corrected, String french) {
        Source shared = applied.isEmpty() ? null : source.get();
        if (shared != null) {
            shared.corrected(text, target, applied, corrected, french);
        }
    }

    /** The matches that can be made together: in order, not overlapping, inside the text. */
    public static List<Match> applicable(String text, List<Match> matches) {
        List<Match> kept = new ArrayList<>();
        int at = 0;
        for (Match m : matches) {
            if (m.from() >= at && m.to() <= text.length()) {
                kept.add(m);
                at = m.to();
            }
        }
        return kept;
    }

    /**
     * The matches of the rules listed for {@code target} (none if it has no list) in {@code text}, a translation of
     * {@code french} (plain text; null: unknown).
     */
    public List<Match> matchesOfTranslation(String text, String target, String french) {
        Set<String> ids = rules.get(target);
        if (ids == null || text.isBlank()) {
            return List.of();
        }
        Source shared = source.get();
        if (shared == null) {
            return matches(text, target, ids);
        }
        return shared.singleReplacements(text, target, french).stream().filter(m -> ids.contains(m.rule())).toList();
    }

    /** Makes the replacements (non-overlapping, in order) and reports each. */
    public static String applyMatches(String text, List<Match> matches, Consumer<Correction> corrections) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Match m : applicable(text, matches)) {
            out.append(text, at, m.from()).append(m.replacement());
            corrections.accept(new Correction(m.rule(), m.message(), text.substring(m.from(), m.to()), m.replacement()));
            at = m.to();
        }
        out.append(text.substring(at));
        return out.toString();
    }

    /** Matches with exactly one replacement of the given rules ({@code null}: of every rule but spelling). */
    public List<Match> matches(String text, String target, Set<String> ids) {
        ConcurrentLinkedDeque<JLanguageTool> pool = pools.computeIfAbsent(target + (ids == null ? "*" : ""),
                k -> new ConcurrentLinkedDeque<>());
        JLanguageTool tool = pool.pollFirst();
        if (tool == null) {
            tool = create(target, ids);
        }
        try {
            List<Match> found = new ArrayList<>();
            for (RuleMatch match : tool.check(text)) {
                List<String> suggestions = match.getSuggestedReplacements();
                // spelling rules "correct" names and words left in French: never safe without an editor
                if (suggestions.size() == 1 && !match.getRule().isDictionaryBasedSpellingRule()) {
                    found.add(new Match(match.getRule().getId(), match.getMessage(), match.getFromPos(),
                            match.getToPos(), suggestions.get(0)));
                }
            }
            return found;
        } catch (IOException e) {
            throw new IllegalStateException("LanguageTool failed on " + target + ": " + e.getMessage(), e);
        } finally {
            pool.offerFirst(tool);
        }
    }

    private static JLanguageTool create(String target, Set<String> ids) {
        Language language = language(target);
        if (language == null) {
            throw new IllegalArgumentException("LanguageTool has no language " + target);
        }
        JLanguageTool tool = new JLanguageTool(language);
        if (ids != null) {
            List<String> others = new ArrayList<>();
            for (Rule rule : tool.getAllRules()) {
                if (!ids.contains(rule.getId())) {
                    others.add(rule.getId());
                }
            }
            tool.disableRules(others);
            ids.forEach(tool::enableRule);
        }
        return tool;
    }

    private static Language language(String lang) {
        String code = VARIANTS.getOrDefault(lang, lang);
        return Languages.isLanguageSupported(code) ? Languages.getLanguageForShortCode(code) : null;
    }
}
