package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.publish.FeedPublisher;
import io.relais.translation.PublishedSetChanged;
import io.relais.translation.Translation;
import io.relais.translation.TranslationAction;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;

/**
 * The feed files follow the translation store through {@code PublishedSetChanged}, handled after the writer's
 * transaction commits (never inside it) and recorded in the event publication registry until done.
 */
@EnableScenarios
class FeedAfterCommitTest extends StoredArticlesTest {

    @Autowired
    EventPublicationRegistry registry;

    @Autowired
    FeedPublisher publisher;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void anApprovalRewritesTheFeedFilesOnlyOnceItsTransactionHasCommitted(Scenario scenario) {
        String title = "El panadero de Quimper gana el concurso " + System.nanoTime();
        Source source = sources.ensure("test:after-commit", Source.Kind.API, "after-commit test");
        long article = articles.store(new NewArticle(source.id(), "after-commit-" + System.nanoTime(), null,
                "Le boulanger de Quimper gagne le concours", null,
                "<p>Le boulanger de Quimper a gagné le concours régional de la meilleure baguette.</p>", null, null,
                null, null)).articleId();
        long id = translations.save(new TranslationResult(article, 1, "es", "apertium", "fr>es", title, null,
                "<p>El panadero de Quimper ha ganado el concurso regional.</p>", 55.0, 12, 0,
                TranslationState.NEEDS_REVIEW, "score 55 below 70", List.of()));
        Path atom = FEEDS.resolve("es").resolve("atom.xml");

        scenario.stimulate(() -> {
                    Translation t = translations.findById(id).orElseThrow();
                    assertThat(translations.apply(t, TranslationAction.APPROVE, t.version(), t.title(), null, t.body(),
                            null)).isTrue();
                    // still inside the approving transaction: the export has not run
                    assertThat(read(atom)).doesNotContain(title);
                })
                .andWaitAtMost(Duration.ofSeconds(30))
                .andWaitForStateChange(() -> read(atom).contains(title), Boolean::booleanValue)
                .andVerify(published -> assertThat(published).isTrue());

        // and the registry marks the publication complete
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.findIncompletePublications().stream()
                .noneMatch(p -> p.getEvent().equals(new PublishedSetChanged("es"))));
    }

    /**
     * A reader asking for the feed while a change is logged but not committed gets the feed as it was; the document
     * it caused to be rendered must not outlive the commit (it used to, on PostgreSQL, until the next change).
     */
    @Test
    void aFeedRenderedWhileAChangeIsUncommittedIsReplacedOnceTheChangeCommits() {
        Source source = source("test:after-commit-render", "ca");
        long article = store(source, "after-commit-render-" + System.nanoTime(), "La fira de Girona obre",
                "<p>La fira de Girona obre les portes dissabte.</p>");
        String entryId = "urn:relais:ca:article:" + article;
        transaction.executeWithoutResult(status -> {
            translations.save(new TranslationResult(article, 1, "ca", "apertium", "fr>ca", "La fira de Girona obre",
                    null, "<p>La fira de Girona obre les portes dissabte.</p>", 90.0, 8, 0,
                    TranslationState.AUTO_APPROVED, null, List.of()));
            assertThat(publisher.republish("ca")).as("logged inside the transaction").isPositive();
            // another connection cannot see the row yet: the feed served now is the one before the change
            assertThat(get("/feeds/ca/atom.xml").body()).doesNotContain(entryId);
        });
        assertThat(get("/feeds/ca/atom.xml").body()).as("served after the commit").contains(entryId);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
