package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.Source;
import io.relais.translation.Translation;
import io.relais.translation.TranslationState;

/** One article's trouble (a checker that throws on it, a size beyond the limit) is that article's, not the run's. */
class OneBadArticleTest extends StoredArticlesTest {

    @Autowired
    QualityCheckFault checkerFault;

    @AfterEach
    void disarm() {
        checkerFault.disarm();
    }

    @Test
    void aCheckerFailureOnOneArticleFailsOnlyThatArticlesTranslationsAndAHugeArticleIsRefusedWithItsSize() {
        quiesce(runs);
        Source source = sources.register("test:one-bad-article", Source.Kind.API, "one bad article", 0);
        List<Long> good = new ArrayList<>();
        for (String town : List.of("Lille", "Metz", "Caen")) {
            good.add(store(source, "good-" + town, "Le tramway de " + town + " roulera toute la nuit",
                    "<p>Le tramway de " + town + " roulera toute la nuit pendant le festival de musique.</p>"));
        }
        long unlucky = store(source, "unlucky", "Le festival Zorglubix ouvre ses portes",
                "<p>Le festival Zorglubix ouvre ses portes samedi dans le centre de la ville.</p>");
        String paragraph = "<p>Le conseil municipal a voté mardi un nouveau budget pour les transports publics.</p>";
        long huge = store(source, "huge", "Un budget sans fin", paragraph.repeat(20_000 / 13 + 10));

        checkerFault.failOn("Zorglubix");
        JobExecution run = runs.runNow();

        assertThat(run.getStatus()).as("the run, whatever one article did").isEqualTo(BatchStatus.COMPLETED);
        for (long id : good) {
            assertThat(translations.forArticle(id)).extracting(Translation::lang)
                    .containsExactlyInAnyOrderElementsOf(LANGUAGES);
            assertThat(translations.forArticle(id)).allSatisfy(t -> {
                assertThat(t.state()).isNotEqualTo(TranslationState.FAILED);
                assertThat(t.body()).isNotBlank();
            });
        }
        assertThat(translations.forArticle(unlucky)).hasSize(LANGUAGES.size()).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TranslationState.FAILED);
            assertThat(t.failureReason()).contains("injected LanguageTool failure");   // in the check, or in route choice's scoring
        });
        assertThat(translations.forArticle(huge)).hasSize(LANGUAGES.size()).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TranslationState.FAILED);
            assertThat(t.failureReason()).contains("too long").contains("the limit is 20000").contains("split");
            assertThat(t.body()).isNull();
        });
    }
}
