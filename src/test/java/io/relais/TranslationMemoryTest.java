package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.batch.LocalizeRuns;
import io.relais.batch.internal.LocalizeProcessor;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedText;
import io.relais.terminology.TranslationMemory;
import io.relais.engine.Translator;

/** Repeated segments come from the translation memory; an editor's text wins over the engine's. */
class TranslationMemoryTest extends RelaisIntegrationTest {

    @Autowired
    Translator translator;

    @Autowired
    TranslationMemory memory;

    @Autowired
    LocalizeRuns runs;

    @Autowired
    Articles articles;

    @Autowired
    Sources sources;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aParagraphApprovedInTwoArticlesStaysRememberedWhenOneApprovalIsTakenBack() {
        String french = "<p>Cet article a été mis à jour avec les chiffres de la préfecture " + System.nanoTime() + ".</p>";
        String standard = "<p>Este artículo se ha actualizado con las cifras de la prefectura.</p>";
        memory.rememberApproved(french, "fr", "es", standard);   // article A's approval
        memory.rememberApproved(french, "fr", "es", standard);   // article B's, the same text

        memory.forgetApproved(french, "fr", "es", standard);     // A's taken back: B's still says it
        assertThat(memory.lookup(french, "fr", "es")).get().extracting(TranslationMemory.Entry::targetText,
                TranslationMemory.Entry::origin).containsExactly(standard, TranslationMemory.Origin.EDITOR);

        memory.forgetApproved(french, "fr", "es", standard);     // B's too: no approval in force says it
        assertThat(memory.lookup(french, "fr", "es")).isEmpty();

        // another text approved later replaces it, and taking back the earlier one leaves the later one
        String later = "<p>Este artículo ha sido actualizado con los datos de la prefectura.</p>";
        memory.rememberApproved(french, "fr", "es", standard);
        memory.rememberApproved(french, "fr", "es", later);
        memory.forgetApproved(french, "fr", "es", standard);
        assertThat(memory.lookup(french, "fr", "es")).get().extracting(TranslationMemory.Entry::targetText)
                .isEqualTo(later);
        memory.forgetApproved(french, "fr", "es", later);
        assertThat(memory.lookup(french, "fr", "es")).isEmpty();
    }

    @Test
    void aLaterApprovalTakenBackGivesTheSegmentTheTextOfAnEarlierOneStillInForce() {
        String french = "<p>Les résultats définitifs seront publiés dans la soirée " + System.nanoTime() + ".</p>";
        String earlier = "<p>Los resultados definitivos se publicarán por la noche.</p>";
        String later = "<p>Los resultados definitivos se darán a conocer esta noche.</p>";
        memory.rememberApproved(french, "fr", "es", earlier);   // article A's approval
        memory.rememberApproved(french, "fr", "es", later);     // article B's, later, another text: it wins
        assertThat(memory.lookup(french, "fr", "es")).get().extracting(TranslationMemory.Entry::targetText)
                .isEqualTo(later);

        memory.forgetApproved(french, "fr", "es", later);       // B's taken back: A's approval is still in force
        assertThat(memory.lookup(french, "fr", "es")).get().extracting(TranslationMemory.Entry::targetText,
                TranslationMemory.Entry::origin).containsExactly(earlier, TranslationMemory.Origin.EDITOR);

        memory.forgetApproved(french, "fr", "es", earlier);     // A's too: no approval in force says anything
        assertThat(memory.lookup(french, "fr", "es")).isEmpty();
    }

    @Test
    void aRepeatedParagraphIsNotSentToTheEngineAgain() {
        String body = "<p>Le conseil régional a voté un budget de trois millions pour les lycées de Normandie.</p>"
                + "<p>Une phrase nouvelle sur les routes de Bretagne et les ponts de Loire.</p>";
        TranslatedText first = translator.translate(body, TextFormat.HTML, "it");
        long remembered = entriesOf("lycées de Normandie", "ponts de Loire");
        TranslatedText second = translator.translate(body, TextFormat.HTML, "it");

        assertThat(first.segments()).isEqualTo(2);
        assertThat(first.memoryHits()).isZero();
        assertThat(second.memoryHits()).isEqualTo(2);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.wordCount()).isEqualTo(first.wordCount());
        assertThat(entriesOf("lycées de Normandie", "ponts de Loire")).isEqualTo(remembered).isPositive();
    }

    /** The memory's Italian entries of the segments holding these words (other tests remember others meanwhile). */
    private long entriesOf(String... words) {
        long n = 0;
        for (String w : words) {
            n += jdbc.sql("select count(*) from translation_memory where target_lang = 'it' and source_text like ?")
                    .param("%" + w + "%").query(Long.class).single();
        }
        return n;
    }

    @Test
    void bySentenceARepeatedSentenceInANewParagraphComesFromMemory() {
        translator.segmentBySentence(true);
        try {
            String first = "<p>Le musée de Lyon ferme pour travaux. Il rouvrira au printemps avec une <a href=\"https://exemple.fr\">nouvelle aile</a>.</p>";
            String second = "<p>Les visiteurs sont déçus. Il rouvrira au printemps avec une <a href=\"https://exemple.fr\">nouvelle aile</a>.</p>";
            TranslatedText a = translator.translate(first, TextFormat.HTML, "ca");
            TranslatedText b = translator.translate(second, TextFormat.HTML, "ca");
            assertThat(a.segments()).isEqualTo(2);
            assertThat(b.segments()).isEqualTo(2);
            assertThat(b.memoryHits()).isEqualTo(1);
            assertThat(b.text()).startsWith("<p>").endsWith("</p>").contains("<a href=\"https://exemple.fr\">");
            assertThat(a.text().substring(a.text().indexOf(". ") + 2)).isEqualTo(b.text().substring(b.text().indexOf(". ") + 2));
        } finally {
            translator.segmentBySentence(false);
        }
    }

    @Test
    void anEditorsTranslationWinsOverTheMachines() {
        String title = "Les pêcheurs de Boulogne manifestent sur le port";
        TranslatedText machine = translator.translate(title, TextFormat.PLAIN, "es");
        memory.remember(title, "fr", "es", "Los pescadores de Boulogne se manifiestan en el puerto",
                TranslationMemory.Origin.EDITOR, "editor", null, 0);

        TranslatedText again = translator.translate("  Les pêcheurs de Boulogne   manifestent sur le port ", TextFormat.PLAIN, "es");

        assertThat(machine.text()).isNotEqualTo("Los pescadores de Boulogne se manifiestan en el puerto");
        assertThat(again.text()).isEqualTo("Los pescadores de Boulogne se manifiestan en el puerto");
        assertThat(again.memoryHits()).isEqualTo(1);
    }

    @Test
    void aRunCountsItsMemoryHitsPerLanguage() throws InterruptedException {
        quiesce(runs);
        Source source = sources.register("test:memory", Source.Kind.API, "memory test", 0);
        String shared = "<p>La préfecture recommande de limiter les déplacements pendant l'épisode de neige.</p>";
        for (String town : List.of("Grenoble", "Chambéry", "Annecy")) {
            articles.store(new NewArticle(source.id(), "memory-" + town, null, "Neige à " + town, null,
                    "<p>Il neige depuis ce matin à " + town + ".</p>" + shared, null, null, null, null));
        }

        JobExecution run = runs.runNow();

        StepExecution spanish = run.getStepExecutions().stream().filter(s -> s.getStepName().endsWith("lang-es"))
                .findFirst().orElseThrow();
        long segments = spanish.getExecutionContext().getLong(LocalizeProcessor.SEGMENTS, 0);
        long hits = spanish.getExecutionContext().getLong(LocalizeProcessor.MEMORY_HITS, 0);
        assertThat(segments).isGreaterThanOrEqualTo(6);   // per article: title + 2 paragraphs
        assertThat(hits).as("the shared paragraph, translated once").isGreaterThanOrEqualTo(2);
        assertThat(get("/api/jobs").body()).contains("\"memoryHits\":" + hits);
    }
}
