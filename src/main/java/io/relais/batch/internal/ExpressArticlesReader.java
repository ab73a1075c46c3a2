package io.relais.batch.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import io.relais.article.Article;
import io.relais.translation.Translations;

/**
 * The articles of one express run that still need a translation into one language, asked when the step opens: a
 * restarted run, or one whose articles another lane translated meanwhile, only gets what is still missing. Keeps no
 * state, like the backlog's reader.
 */
public class ExpressArticlesReader implements ItemStreamReader<Article> {

    private final Translations translations;
    private final String lang;
    private final List<Long> ids;
    private final int maxAttempts;
    private final Deque<Article> pending = new ArrayDeque<>();

    /** @param articles the run's article ids, comma-separated (its job parameter) */
    public ExpressArticlesReader(Translations translations, String lang, String articles, int maxAttempts) {
        this.translations = translations;
        this.lang = lang;
        this.ids = parse(articles);
        this.maxAttempts = maxAttempts;
    }

    static List<Long> parse(String articles) {
        return articles == null || articles.isBlank() ? List.of()
                : Arrays.stream(articles.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Long::valueOf)
                .toList();
    }

    @Override
    public void open(ExecutionContext executionContext) {
        pending.clear();
        for (long id : ids) {
            pending.addAll(translations.needingTranslationBetween(lang, maxAttempts, id, id, 1));
        }
    }

    @Override
    public Article read() {
        return pending.pollFirst();
    }
}
