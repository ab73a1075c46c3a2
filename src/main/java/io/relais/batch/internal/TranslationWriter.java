package io.relais.batch.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.relais.translation.TranslationResult;
import io.relais.translation.Translations;

/**
 * Stores each result whose (article, revision, language) still waits for a translation, replacing a failed attempt;
 * one that another worker stored meanwhile (the same slice given to two workers after a fault, overlapping runs) is
 * not stored again: every translation is stored once.
 */
public class TranslationWriter implements ItemWriter<TranslationResult> {

    private static final Logger log = LoggerFactory.getLogger(TranslationWriter.class);

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
                if (!translations.saveIfWaiting(result)) {
                    log.info("Article {} (revision {}) already has its {} translation, stored meanwhile elsewhere: "
                            + "not stored again", result.articleId(), result.revision(), result.lang());
                }
            }
        } finally {
            times.add(LocalizeStageTimes.Stage.WRITE, System.nanoTime() - started);
        }
    }
}
