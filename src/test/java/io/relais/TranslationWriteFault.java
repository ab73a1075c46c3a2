package io.relais;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

import io.relais.translation.TranslationResult;
import io.relais.batch.LocalizeStepListener;

/**
 * A crash on demand in the middle of a localize run: once armed for a language, the N-th chunk written for that
 * language fails, as a lost database connection or a killed process would make it fail.
 */
public class TranslationWriteFault implements LocalizeStepListener, ItemWriteListener<TranslationResult> {

    private final AtomicReference<String> armedLanguage = new AtomicReference<>();
    private final AtomicInteger chunksBeforeFailure = new AtomicInteger();

    public void arm(String lang, int chunksToLetThrough) {
        chunksBeforeFailure.set(chunksToLetThrough);
        armedLanguage.set(lang);
    }

    public boolean fired() {
        return armedLanguage.get() == null;
    }

    @Override
    public void beforeWrite(Chunk<? extends TranslationResult> items) {
        String lang = armedLanguage.get();
        if (lang == null || items.isEmpty() || !lang.equals(items.getItems().get(0).lang())) {
            return;
        }
        if (chunksBeforeFailure.getAndDecrement() <= 0 && armedLanguage.compareAndSet(lang, null)) {
            throw new IllegalStateException("injected failure while writing " + lang + " translations");
        }
    }
}
