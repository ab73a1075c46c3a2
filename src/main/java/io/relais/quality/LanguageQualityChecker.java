package io.relais.quality;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.RuleMatch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Checks text with LanguageTool in the language it is written in. {@link JLanguageTool} is not thread-safe and
 * slow to create (and large), so instances are pooled per language: each check borrows one and gives it back, and at
 * most {@code relais.quality.checkers-per-language} exist per language — a further check waits for one to be free.
 */
@Service
public class LanguageQualityChecker {

    public static final String CHECKER = "languagetool";

    /** Languages with variants need one: only a variant has a spell checker. */
    private static final Map<String, String> VARIANTS = Map.of(
            "en", "en-US", "pt", "pt-PT", "de", "de-DE", "ca", "ca-ES");

    /** Idle instances of a language, and permits for as many instances as may exist. */
    private record Pool(Semaphore permits, ConcurrentLinkedDeque<JLanguageTool> idle) {
    }

    static final int DEFAULT_PER_LANGUAGE = 4;

    private final Map<String, Pool> pools = new ConcurrentHashMap<>();
    private final int perLanguage;

    @Autowired
    public LanguageQualityChecker(QualitySettings settings) {
        this(settings.checkersPerLanguage());
    }

    /** With the default of {@code relais.quality.checkers-per-language}. */
    public LanguageQualityChecker() {
        this(DEFAULT_PER_LANGUAGE);
    }

    LanguageQualityChecker(int perLanguage) {
        this.perLanguage = Math.max(1, perLanguage);
    }

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
        Pool pool = pools.computeIfAbsent(lang, k -> new Pool(new Semaphore(perLanguage), new ConcurrentLinkedDeque<>()));
        pool.permits().acquireUninterruptibly();
        JLanguageTool tool = pool.idle().pollFirst();
        try {
            if (tool == null) {
                tool = new JLanguageTool(language);
            }
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
            if (tool != null) {
                pool.idle().offerFirst(tool);
            }
            pool.permits().release();
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
