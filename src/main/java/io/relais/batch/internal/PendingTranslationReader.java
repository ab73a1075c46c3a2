package io.relais.batch.internal;

import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import io.relais.article.Article;
import io.relais.translation.Translations;

/**
 * The articles whose current revision still needs a translation into one language, read a page at a time (by
 * ascending id, so memory holds one page whatever the backlog) up to a limit per run. Restartable by design: a
 * restarted step asks again, and what an earlier attempt stored is no longer pending, so nothing is translated
 * twice and no state needs saving. An article that arrives during the run is read if its id is still ahead.
 */
public class PendingTranslationReader implements ItemStreamReader<Article> {

    private final Translations translations;
    private final String lang;
    private final int maxAttempts;
    private final int limit;
    private final int pageSize;
    private final LocalizeStageTimes times;
    private final Deque<Article> page = new ArrayDeque<>();
    private long lastId;
    private int read;
    private boolean exhausted;

    public PendingTranslationReader(Translations translations, String lang, int maxAttempts, int limit) {
        this(translations, lang, maxAttempts, limit, 50, LocalizeStageTimes.NONE);
    }

    public PendingTranslationReader(Translations translations, String lang, int maxAttempts, int limit, int pageSize,
                                    LocalizeStageTimes times) {
        this.translations = translations;
        this.lang = lang;
        this.maxAttempts = maxAttempts;
        this.limit = limit;
        this.pageSize = Math.max(1, pageSize);
        this.times = times;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        page.clear();
        lastId = 0;
        read = 0;
        exhausted = false;
    }

    @Override
    public Article read() {
        if (read >= limit) {
            return null;
        }
        if (page.isEmpty() && !exhausted) {
            long started = System.nanoTime();
            var next = translations.needingTranslationAfter(lang, maxAttempts, lastId, Math.min(pageSize, limit - read));
            times.add(LocalizeStageTimes.Stage.READ, System.nanoTime() - started);
            page.addAll(next);
            exhausted = next.isEmpty();
        }
        Article article = page.pollFirst();
        if (article != null) {
            lastId = article.id();
            read++;
        }
        return article;
    }
}
