package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.relais.article.Source;
import io.relais.article.StoreResult;
import io.relais.batch.LocalizeSteps;
import io.relais.ingest.ArticleIngested;
import io.relais.ingest.ArticleIngestor;
import io.relais.ingest.IncomingArticle;

/**
 * {@link ArticleIngested} reaches the batch module's {@code @ApplicationModuleListener} after the article's
 * transaction committed, when ingestion is called the way every way in calls it (outside any transaction), and
 * its publication is completed in the registry. The article waits for German, which the test configuration does
 * not run, so the express run it gets (recorded in the job repository) has nothing of it to translate.
 */
class ArticleIngestedAfterCommitTest extends StoredArticlesTest {

    @Autowired
    ArticleIngestor ingestor;

    @Autowired
    EventPublicationRegistry registry;

    @Autowired
    EventSerializer serializer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anArticleIngestedOutsideATransactionStillGetsAnExpressRunOnceItIsStored() {
        Source source = source("test:ingested-after-commit", "de");
        quiesce(runs);
        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();

        StoreResult stored = ingestor.ingest(new IncomingArticle(source.id(), "test", "after-commit-" + System.nanoTime(),
                "https://exemple.fr/apres-commit", "Le conseil municipal vote le budget",
                null, "<p>Le conseil municipal de Brest a voté mardi soir le budget de l'année prochaine.</p>", null, null,
                null, null));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql("""
                        select count(*) from batch_job_execution_params p
                        join batch_job_execution e on e.job_execution_id = p.job_execution_id
                        join batch_job_instance i on i.job_instance_id = e.job_instance_id
                        where i.job_name = ? and p.parameter_name = ? and (',' || p.parameter_value || ',') like ?""")
                .params(LocalizeSteps.EXPRESS_JOB, LocalizeSteps.ARTICLES, "%," + stored.articleId() + ",%")
                .query(Long.class).single() > 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> registry.findIncompletePublications().stream()
                .noneMatch(p -> p.getEvent() instanceof ArticleIngested e && e.articleId() == stored.articleId()));
        quiesce(runs);
    }

    @Test
    void theEventReadsBackAsItWasStoredForARepublicationAfterARestart() {
        ArticleIngested event = new ArticleIngested(42, 3, true);
        assertThat(serializer.deserialize(serializer.serialize(event), ArticleIngested.class)).isEqualTo(event);
    }
}
