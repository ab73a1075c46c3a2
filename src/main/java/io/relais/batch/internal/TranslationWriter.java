package io.relais.batch.internal;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.relais.translation.TranslationResult;
import io.relais.translation.Translations;

/** Stores each result; storing the same (article, revision, language) again replaces it, never duplicates it. */
public class TranslationWriter implements ItemWriter<TranslationResult> {

    private final Translations translations;
    private final LocalizeStageTimes times;

    public TranslationWriter(Translations translations) {
        this(translations, LocalizeStageTimes.NONE);
    }

    public TranslationWriter(Translations translations, LocalizeStageTimes times) {
        this.translations = translations;
        this.times = times;
    }

    @Override
    public void write(Chunk<? extends TranslationResult> chunk) {
        long started = System.nanoTime();
        try {
            for (TranslationResult result : chunk) {
                translations.save(result);
            }
        } finally {
            times.add(LocalizeStageTimes.Stage.WRITE, System.nanoTime() - started);
        }
    }
}
