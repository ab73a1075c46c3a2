package io.relais.cluster.internal;

import java.util.Iterator;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import io.relais.article.Article;
import io.relais.batch.LocalizeSteps;
import io.relais.translation.Translations;

/**
 * The articles of one slice (language, first and last article id) that still need a translation when the step
 * opens. Like the local reader it keeps no state: a partition run again — after its worker died, or redelivered
 * after a broker restart — asks again and only gets what is still missing, so nothing is translated twice.
 */
public class SliceReader implements ItemStreamReader<Article> {

    private final Translations translations;
    private final int maxAttempts;
    private final int limit;
    private Iterator<Article> pending = List.<Article>of().iterator();

    public SliceReader(Translations translations, int maxAttempts, int limit) {
        this.translations = translations;
        this.maxAttempts = maxAttempts;
        this.limit = limit;
    }

    @Override
    public void open(ExecutionContext slice) {
        String lang = slice.getString(LocalizeSteps.LANG);
        long first = slice.getLong(SlicePartitioner.FIRST_ID);
        long last = slice.getLong(SlicePartitioner.LAST_ID);
        pending = translations.needingTranslationBetween(lang, maxAttempts, first, last, limit).iterator();
    }

    @Override
    public Article read() {
        return pending.hasNext() ? pending.next() : null;
    }
}
