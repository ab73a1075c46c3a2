package io.relais.quality;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.RuleMatch;

/**
 * Checks text with LanguageTool in the language it is written in, in the variant the engine writes
 * ({@code relais.quality.variants}: Apertium's English is British, so {@code en} is checked as {@code en-GB};
 * checked as en-US, every "centre" and "organisation" would be a false spelling issue). {@link JLanguageTool} is not
 * thread-safe and slow to create, so instances are pooled per language: each check borrows one and gives it back.
 */
public class LanguageQualityChecker {

    public static final String CHECKER = "languagetool";

    /** The variants the embedded engine (Apertium) writes; only a variant has a spell checker. */
    public static final Map<String, String> ENGINE_VARIANTS = Map.of(
            "en", "en-GB", "pt", "pt-PT", "de", "de-DE", "ca", "ca-ES");

    private final Map<String, String> variants;
    private final Map<String, ConcurrentLinkedDeque<JLanguageTool>> pools = new ConcurrentHashMap<>();

    /** @param variants language to LanguageTool variant, e.g. {@code en -> en-GB}; the engine's own by default */
    public LanguageQualityChecker(Map<String, String> variants) {
        Map<String, String> merged = new java.util.HashMap<>(ENGINE_VARIANTS);
        if (variants != null) {
            merged.putAll(variants);
        }
        this.variants = Map.copyOf(merged);
    }

    public LanguageQualityChecker() {
        this(Map.of());
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

    /** Checks in an explicit LanguageTool code (the calibration compares en-US with en-GB). */
    public List<QualityIssue> checkVariant(String plainText, String code) {
        if (plainText == null || plainText.isBlank()) {
            return List.of();
        }
        Language language = language(code);
        if (language == null) {
            throw new IllegalArgumentException("LanguageTool has no language " + code);
        }
        ConcurrentLinkedDeque<JLanguageTool> pool = pools.computeIfAbsent(code, k -> new ConcurrentLinkedDeque<>());
        JLanguageTool tool = pool.pollFirst();
        if (tool == null) {
            tool = new JLanguageTool(language);
        }
        try {
            List<QualityIssue> issues = new ArrayList<>();
            for (RuleMatch match : tool.check(plainText)) {
                List<String> suggestions = match.getSuggestedReplacements();
                issues.add(new QualityIssue(CHECKER, match.getRule().getId(), match.getMessage(),
                        match.getFromPos(), match.getToPos(), suggestions.isEmpty() ? null : suggestions.get(0),
                        severity(match)));
            }
            return issues;
        } catch (IOException e) {
            throw new IllegalStateException("LanguageTool failed on " + code + ": " + e.getMessage(), e);
        } finally {
            pool.offerFirst(tool);
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
