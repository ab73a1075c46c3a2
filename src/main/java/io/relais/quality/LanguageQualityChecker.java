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
import org.springframework.stereotype.Service;

/**
 * Checks text with LanguageTool in the language it is written in. {@link JLanguageTool} is not thread-safe and
 * slow to create, so instances are pooled per language: each check borrows one and gives it back.
 */
@Service
public class LanguageQualityChecker {

    public static final String CHECKER = "languagetool";

    /** Languages with variants need one: only a variant has a spell checker. */
    private static final Map<String, String> VARIANTS = Map.of(
            "en", "en-US", "pt", "pt-PT", "de", "de-DE", "ca", "ca-ES");

    private final Map<String, ConcurrentLinkedDeque<JLanguageTool>> pools = new ConcurrentHashMap<>();

    public boolean supports(String lang) {
        return language(lang) != null;
    }

    public List<QualityIssue> check(String plainText, String lang) {
        if (plainText == null || plainText.isBlank()) {
            return List.of();
        }
        Language language = language(lang);
        if (language == null) {
            throw new IllegalArgumentException("LanguageTool has no language " + lang);
        }
        ConcurrentLinkedDeque<JLanguageTool> pool = pools.computeIfAbsent(lang, k -> new ConcurrentLinkedDeque<>());
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
            throw new IllegalStateException("LanguageTool failed on " + lang + ": " + e.getMessage(), e);
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

    private static Language language(String lang) {
        String code = VARIANTS.getOrDefault(lang, lang);
        return Languages.isLanguageSupported(code) ? Languages.getLanguageForShortCode(code) : null;
    }
}
