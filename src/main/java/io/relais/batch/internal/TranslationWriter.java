package io.relais.batch.internal;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.relais.article.TranslationResult;
import io.relais.article.Translations;

/** Stores each result; storing the same (article, revision, language) again replaces it, never duplicates it. */
public class TranslationWriter implements ItemWriter<TranslationResult> {

    private final Translations translations;

    public TranslationWriter(Translations translations) {
        this.translations = translations;
    }

    @Override
    public void write(Chunk<? extends TranslationResult> chunk) {
        for (TranslationResult result : chunk) {
            translations.save(result);
        }
    }
}
