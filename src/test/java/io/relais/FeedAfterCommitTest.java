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

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.translation.PublishedSetChanged;
import io.relais.translation.Translation;
import io.relais.translation.TranslationAction;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;

/**
 * The feed files follow the translation store through {@code PublishedSetChanged}, handled after the writer's
 * transaction commits (never inside it) and recorded in the event publication registry until done.
 */
@EnableScenarios
class FeedAfterCommitTest extends RelaisIntegrationTest {

    @Autowired
    Articles articles;

    @Autowired
    Sources sources;

    @Autowired
    Translations translations;

    @Autowired
    EventPublicationRegistry registry;

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

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
