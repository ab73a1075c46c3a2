package io.relais.batch.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import io.relais.quality.LanguageQualityChecker;
import io.relais.quality.QualityIssue;

/**
 * LanguageTool on translated text, never twice on the same text: a body is checked paragraph by paragraph (a
 * block's issues moved to where the block stands in the body's text, the text the review screen highlights) and
 * each paragraph's issues are remembered by the hash of its text and language, so repeated paragraphs (agency
 * credits, "read also" lines, the unchanged paragraphs of a new revision, a retried article) cost nothing.
 * Bounded: the least recently used entries go first.
 */
public class CheckedText {

    private final LanguageQualityChecker checker;
    private final Map<String, List<QualityIssue>> cache;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public CheckedText(LanguageQualityChecker checker, int maxEntries) {
        this.checker = checker;
        this.cache = maxEntries <= 0 ? null : java.util.Collections.synchronizedMap(
                new LinkedHashMap<String, List<QualityIssue>>(1024, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, List<QualityIssue>> eldest) {
                        return size() > maxEntries;
                    }
                });
    }

    public boolean supports(String lang) {
        return checker.supports(lang);
    }

    /** Issues in a plain text (a title, a summary), offsets into that text. */
    public List<QualityIssue> plain(String text, String lang) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (cache == null) {
            return checker.check(text, lang);
        }
        String key = lang + ':' + sha256(text);
        List<QualityIssue> known = cache.get(key);
        if (known != null) {
            hits.incrementAndGet();
            return known;
        }
        misses.incrementAndGet();
        List<QualityIssue> issues = List.copyOf(checker.check(text, lang));
        cache.put(key, issues);
        return issues;
    }

    /** Issues in an HTML body, offsets into its text as jsoup gives it ({@code Jsoup.parseBodyFragment(html).text()}). */
    public List<QualityIssue> html(String html, String lang) {
        Element body = Jsoup.parseBodyFragment(html).body();
        String text = body.text();
        List<QualityIssue> issues = new ArrayList<>();
        int cursor = 0;
        for (Element block : body.children()) {
            String blockText = block.text();
            if (blockText.isBlank()) {
                continue;
            }
            int at = text.indexOf(blockText, cursor);
            if (at < 0) {
                return plain(text, lang);   // text outside blocks: check the body as one text
            }
            for (QualityIssue i : plain(blockText, lang)) {
                issues.add(new QualityIssue(i.checker(), i.ruleId(), i.message(), i.startOffset() + at,
                        i.endOffset() + at, i.suggestion(), i.severity()));
            }
            cursor = at + blockText.length();
        }
        if (!text.substring(cursor).isBlank() || body.children().isEmpty()) {
            return plain(text, lang);      // loose text after or without blocks: the body as one text
        }
        return issues;
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
