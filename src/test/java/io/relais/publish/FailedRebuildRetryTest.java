package io.relais.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.StoredArticlesTest;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.translation.PublishedSetReadFault;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;

/** A rebuild of a language's feeds that failed is tried again by the catch-up, not left until the next change. */
class FailedRebuildRetryTest extends StoredArticlesTest {

    @Autowired
    FeedPublisher publisher;
    @Autowired
    PublishedSetReadFault reads;

    @AfterEach
    void clear() {
        reads.clear();
    }

    /**
     * The batch stores a translation that may no longer be published and announces it, while the database cannot be
     * read: the rebuild fails, and the entry stayed in the feed until the language's next change, however late.
     */
    @Test
    void anEntryWhoseWithdrawalFailedToRebuildLeavesTheFeedOnceTheDatabaseAnswersAgain() {
        Source source = source("test:failed-rebuild", "it");
        String title = "Il faro di Biarritz riapre al pubblico";
        long id = articles.store(new NewArticle(source.id(), "failed-rebuild-" + System.nanoTime(), null,
                "Le phare de Biarritz rouvre au public", null, "<p>Le phare rouvre.</p>", null,
                OffsetDateTime.now(ZoneOffset.UTC), null, null)).articleId();
        translations.save(new TranslationResult(id, 1, "it", "apertium", "fr>ca>it", title, null,
                "<p>Il faro riapre.</p>", 80.0, 6, 0, TranslationState.AUTO_APPROVED, null, List.of()));
        publisher.republish("it");
        String feed = "http://localhost:" + port + "/feeds/it/atom.xml";
        assertThat(anonymousGet(feed).body()).contains(title);

        reads.failFor("it");
        translations.save(new TranslationResult(id, 1, "it", "apertium", "fr>ca>it", null, null, null, null, 0, 0,
                TranslationState.FAILED, "the engine stopped", List.of()));
        translations.announce("it");
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.failedLanguages().contains("it"));
        assertThat(anonymousGet(feed).body()).as("served as it was: the rebuild failed").contains(title);

        reads.clear();
        publisher.catchUp();
        assertThat(anonymousGet(feed).body()).doesNotContain(title);
        assertThat(publisher.failedLanguages()).doesNotContain("it");
    }
}
