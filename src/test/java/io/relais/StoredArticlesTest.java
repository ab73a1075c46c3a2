package io.relais;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.batch.LocalizeRuns;
import io.relais.translation.Translations;

/**
 * An integration test that stores its own articles (and translations) straight into the stores, as ingestion and
 * the batch would, then watches what runs, feeds or pages make of them. Same application context as every other
 * integration test.
 */
public abstract class StoredArticlesTest extends RelaisIntegrationTest {

    /** The target languages of the test configuration, in their order. */
    protected static final List<String> LANGUAGES = List.of("es", "ca", "en", "it", "pt");

    @Autowired
    protected Articles articles;

    @Autowired
    protected Sources sources;

    @Autowired
    protected Translations translations;

    @Autowired
    protected LocalizeRuns runs;

    /** An API source of the test's own (created once), translated into the given languages (none: all of them). */
    protected Source source(String url, String... languages) {
        Source source = sources.ensure(url, Source.Kind.API, url);
        if (languages.length > 0) {
            sources.updateLanguages(source.id(), List.of(languages));
        }
        return source;
    }

    /** Stores a French article with only a title and a body; returns its id. */
    protected long store(Source source, String externalId, String title, String body) {
        return articles.store(new NewArticle(source.id(), externalId, null, title, null, body, null, null, null, null))
                .articleId();
    }
}
