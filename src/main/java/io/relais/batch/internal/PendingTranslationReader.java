package io.relais.batch.internal;

import java.util.Iterator;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import io.relais.article.Article;
import io.relais.translation.Translations;

/**
 * The articles whose current revision still needs a translation into one language, as of when the step opens.
 * Restartable by design: a restarted step asks again, and what an earlier attempt stored is no longer pending,
 * so nothing is translated twice and no state needs saving.
 */
public class PendingTranslationReader implements ItemStreamReader<Article> {

    private final Translations translations;
    private final String lang;
    private final int maxAttempts;
    private final int limit;
    private Iterator<Article> pending = List.<Article>of().iterator();

    public PendingTranslationReader(Translations translations, String lang, int maxAttempts, int limit) {
        this.translations = translations;
        this.lang = lang;
        this.maxAttempts = maxAttempts;
        this.limit = limit;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        pending = translations.needingTranslation(lang, maxAttempts, limit).iterator();
    }

    @Override
    public Article read() {
        return pending.hasNext() ? pending.next() : null;
    }
}
