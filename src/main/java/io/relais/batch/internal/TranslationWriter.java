package io.relais.batch.internal;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.relais.translation.TranslationResult;
import io.relais.translation.Translations;

/**
 * Stores a chunk's results in one call; storing the same (article, revision, language) again replaces it, never
 * duplicates it. The store announces the languages whose published set changed.
 */
public class TranslationWriter implements ItemWriter<TranslationResult> {

    private final Translations translations;

    public TranslationWriter(Translations translations) {
        this.translations = translations;
    }

    @Override
    public void write(Chunk<? extends TranslationResult> chunk) {
        translations.saveAll(chunk.getItems());
    }
}
