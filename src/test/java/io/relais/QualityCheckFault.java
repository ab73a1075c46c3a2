package io.relais;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.annotation.Primary;

import io.relais.quality.LanguageQualityChecker;
import io.relais.quality.QualityIssue;

/**
 * LanguageTool as it is, except that once armed with a word it throws on any text containing that word, as a
 * LanguageTool rule that crashes on one unlucky sentence would.
 */
@Primary
public class QualityCheckFault extends LanguageQualityChecker {

    private final AtomicReference<String> trigger = new AtomicReference<>();

    public void failOn(String word) {
        trigger.set(word);
    }

    public void disarm() {
        trigger.set(null);
    }

    @Override
    public List<QualityIssue> check(String plainText, String lang) {
        failIfArmed(plainText);
        return super.check(plainText, lang);
    }

    @Override
    public List<QualityIssue> check(String plainText, String lang, String source) {
        failIfArmed(plainText);
        return super.check(plainText, lang, source);
    }

    @Override
    public List<QualityIssue> check(String plainText, String lang, String source, boolean spellingSuggestions) {
        failIfArmed(plainText);
        return super.check(plainText, lang, source, spellingSuggestions);
    }

    private void failIfArmed(String plainText) {
        String word = trigger.get();
        if (word != null && plainText != null && plainText.contains(word)) {
            throw new IllegalStateException("injected LanguageTool failure on a text containing " + word);
        }
    }
}
