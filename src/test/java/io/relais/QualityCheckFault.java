package io.relais;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.annotation.Primary;

import io.relais.quality.LanguageQualityChecker;
import io.relais.quality.QualityIssue;

/**
 * LanguageTool as it is, except that once armed with a word it throws on any text containing that word, as a
 * LanguageTool rule that crashes on one unlucky sentence would; or, held on a word, it does not answer on such a text
 * until released, as LanguageTool loading its rules after a start (or a busy machine) keeps a check waiting.
 */
@Primary
public class QualityCheckFault extends LanguageQualityChecker {

    private final AtomicReference<String> trigger = new AtomicReference<>();
    private final AtomicReference<String> held = new AtomicReference<>();
    private volatile CountDownLatch release = new CountDownLatch(0);

    /** Checks of a text containing {@code word} wait until {@link #release()}. */
    public void holdOn(String word) {
        release = new CountDownLatch(1);
        held.set(word);
    }

    public void release() {
        held.set(null);
        release.countDown();
    }

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
        String wait = held.get();
        if (wait != null && plainText != null && plainText.contains(wait)) {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String word = trigger.get();
        if (word != null && plainText != null && plainText.contains(word)) {
            throw new IllegalStateException("injected LanguageTool failure on a text containing " + word);
        }
    }
}
