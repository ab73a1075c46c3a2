package io.relais.engine.apertium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.relais.engine.BackgroundWork;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedText;
import io.relais.engine.TranslationException;

/** Runs the real Apertium programs installed from Debian's packages. */
class ApertiumEngineTest {

    static ApertiumEngine engine;

    @BeforeAll
    static void start() {
        engine = new ApertiumEngine(Path.of("/usr/share/apertium/modes"),
                Map.of("es", "fr>es", "ca", "fr>ca", "en", "fr>es>en", "it", "fr>ca>it", "pt", "fr>es>pt"),
                Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void translatesPlainTextDirectly() {
        TranslatedText es = engine.translate("Le chat noir dort dans la maison.", TextFormat.PLAIN, "fr", "es");
        assertThat(es.text()).isEqualTo("El gato negro duerme en la casa.");
        assertThat(es.route()).isEqualTo("fr>es");
        assertThat(es.engine()).isEqualTo("apertium");
        assertThat(es.wordCount()).isEqualTo(7);
        assertThat(es.unknownWords()).isZero();
    }

    @Test
    void translatesThroughAPivot() {
        TranslatedText en = engine.translate("Le chat noir dort dans la maison.", TextFormat.PLAIN, "fr", "en");
        assertThat(en.route()).isEqualTo("fr>es>en");
        assertThat(en.text()).containsIgnoringCase("black cat").contains("house");
    }

    @Test
    void keepsMarkupAndDecodesEntitiesInHtml() {
        String html = "<p>Le pr&eacute;sident a visit&eacute; <a href=\"https://exemple.fr/a?x=1&amp;y=2\">la maison</a>"
                + " rouge.</p><figure><img src=\"https://exemple.fr/photo.jpg\" alt=\"Une photo\"></figure>"
                + "<p>Le <b>chat</b> dort &amp; r&ecirc;ve.</p>";
        TranslatedText es = engine.translate(html, TextFormat.HTML, "fr", "es");
        assertThat(es.text())
                .contains("<a href=\"https://exemple.fr/a?x=1&amp;y=2\">")
                .contains("<img src=\"https://exemple.fr/photo.jpg\" alt=\"Una foto\">")
                .contains("<b>gato</b>")
                .contains("presidente")
                .contains("&amp;")
                .doesNotContain("ￃ");
        assertThat(es.text()).startsWith("<p>").endsWith("</p>");
    }

    @Test
    void stripsAndCountsUnknownWordMarks() {
        TranslatedText es = engine.translate("Le zorglubeur mange une pomme.", TextFormat.PLAIN, "fr", "es");
        assertThat(es.text()).contains("zorglubeur").doesNotContain("*").doesNotContain("#").doesNotContain("@");
        assertThat(es.unknownWords()).isEqualTo(1);
        assertThat(es.unknownShare()).isEqualTo(1.0 / 5);
    }

    @Test
    void keepsHandlesHashtagsAndLiteralStars() {
        TranslatedText es = engine.translate("Le compte @relais_fr a publié #info et 5 * 3.", TextFormat.PLAIN, "fr", "es");
        assertThat(es.text()).contains("@relais_fr").contains("#info").contains("5 * 3");
        assertThat(es.unknownWords()).isZero();
    }

    @Test
    void numbersAndTimesAreWrittenTheTargetLanguagesWay() {
        String french = "Le groupe a publié 1.823 tweets et payé 274.000 dollars, soit 3,5 % du budget, à 15h30.";
        TranslatedText en = engine.translate(french, TextFormat.PLAIN, "fr", "en");
        assertThat(en.text()).contains("1,823 tweets").contains("274,000 dollars").contains("3.5%").contains("3:30 p.m.");
        TranslatedText html = engine.translate("Il a publié 1.823 tweets <b>et 20 000 photos</b>.", TextFormat.HTML, "fr", "en");
        assertThat(html.text()).contains("1,823 tweets").contains("20,000");
        TranslatedText es = engine.translate("<p>" + french + "</p>", TextFormat.HTML, "fr", "es");
        assertThat(es.text()).contains("1.823 tweets").contains("274.000 dólares").contains("15:30");
    }

    @Test
    void glossaryTermsAreKeptOrWrittenAsConfiguredThroughPivots() {
        ApertiumEngine withGlossary = new ApertiumEngine(Path.of("/usr/share/apertium/modes"),
                Map.of("ca", "fr>ca", "it", "fr>ca>it", "en", "fr>es>en"), Duration.ofSeconds(60));
        withGlossary.useGlossary(target -> target.equals("en")
                ? Map.of("Twitter", "Twitter", "Russia Today", "Russia Today", "Vladimir Poutine", "Vladimir Putin")
                : Map.of("Twitter", "Twitter", "Russia Today", "Russia Today"));
        String french = "Twitter a supprimé des comptes liés à Russia Today, selon Vladimir Poutine.";
        try (withGlossary) {
            // without the glossary, Catalan makes a verb of the name
            assertThat(engine.translate(french, TextFormat.PLAIN, "fr", "ca").text()).startsWith("Tuitar");
            assertThat(withGlossary.translate(french, TextFormat.PLAIN, "fr", "ca").text())
                    .startsWith("Twitter ").contains("Russia Today");
            assertThat(withGlossary.translate(french, TextFormat.PLAIN, "fr", "it").text())
                    .startsWith("Twitter ").contains("Russia Today");
            assertThat(withGlossary.translate("<p>" + french + "</p>", TextFormat.HTML, "fr", "en").text())
                    .startsWith("<p>Twitter ").contains("Russia Today").contains("Vladimir Putin").doesNotContain("\u0001");
        }
    }

    @Test
    void restartsAKilledPipeline() {
        engine.translate("Bonjour.", TextFormat.PLAIN, "fr", "es");
        ApertiumPipeline pipeline = engine.runningPipeline("fr-es").orElseThrow();
        int starts = pipeline.starts();
        pipeline.processes().get(3).destroyForcibly();

        TranslatedText again = engine.translate("Le chat noir dort.", TextFormat.PLAIN, "fr", "es");

        assertThat(again.text()).isEqualTo("El gato negro duerme.");
        assertThat(pipeline.starts()).isEqualTo(starts + 1);
        assertThat(pipeline.isAlive()).isTrue();
    }

    @Test
    void keepsOneWarmPipelinePerMode() {
        engine.translate("Un.", TextFormat.PLAIN, "fr", "es");
        ApertiumPipeline pipeline = engine.runningPipeline("fr-es").orElseThrow();
        int starts = pipeline.starts();
        for (int i = 0; i < 20; i++) {
            engine.translate("Phrase numéro " + i + ".", TextFormat.PLAIN, "fr", "es");
        }
        assertThat(pipeline.starts()).isEqualTo(starts);
    }

    @Test
    void servesBackgroundWorkOnPipelinesOfItsOwnBelowTheForegroundsPriorityAndNeverAheadOfIt() throws Exception {
        String sentence = "Le conseil municipal a voté le budget de la ville pour l'année prochaine.";
        String foreground = engine.translate(sentence, TextFormat.PLAIN, "fr", "ca").text();
        assertThat(BackgroundWork.call(() -> engine.translate(sentence, TextFormat.PLAIN, "fr", "ca").text()))
                .isEqualTo(foreground);
        ApertiumPipeline front = engine.runningPipeline("fra-cat").orElseThrow();
        ApertiumPipeline back = engine.runningBackgroundPipeline("fra-cat").orElseThrow();
        assertThat(back).isNotSameAs(front);
        int ours = niceness(ProcessHandle.current().pid());
        assertThat(front.processes()).allSatisfy(p -> assertThat(niceness(p.pid())).isEqualTo(ours));
        assertThat(back.processes()).allSatisfy(p -> assertThat(niceness(p.pid()))
                .isEqualTo(Math.min(19, ours + ApertiumPipeline.NICER)));

        // a background queue of long requests: a foreground request does not wait for it
        String paragraph = (sentence + " ").repeat(40);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<Future<?>> queued = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String request = "Paragraphe " + (i + 1) + ". " + paragraph;   // each its own: none shared
                queued.add(threads.submit(() -> BackgroundWork.call(() -> {
                    engine.translate(request, TextFormat.PLAIN, "fr", "ca");
                    return done.incrementAndGet();
                })));
            }
            while (done.get() == 0) {
                Thread.sleep(5);
            }
            assertThat(engine.translate(sentence, TextFormat.PLAIN, "fr", "ca").text()).isEqualTo(foreground);
            assertThat(done.get()).as("background requests answered when the foreground one was").isLessThan(60);
            for (Future<?> f : queued) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(BackgroundWork.current()).isFalse();
    }

    @Test
    void stopsAnUnusedBackgroundPipelinesProgramsAndStartsThemAgainWhenNeeded() {
        String sentence = "Le chat noir dort dans la maison.";
        String foreground = engine.translate(sentence, TextFormat.PLAIN, "fr", "es").text();
        BackgroundWork.call(() -> engine.translate(sentence, TextFormat.PLAIN, "fr", "es"));
        ApertiumPipeline back = engine.runningBackgroundPipeline("fr-es").orElseThrow();
        List<Process> programs = back.processes();
        assertThat(programs).isNotEmpty();

        engine.stopIdleBackground(Duration.ofMinutes(5));
        assertThat(back.processes()).as("used just now: kept").isEqualTo(programs);
        engine.stopIdleBackground(Duration.ZERO);
        assertThat(back.processes()).as("unused for the idle time: stopped").isEmpty();
        assertThat(programs).noneMatch(Process::isAlive);
        assertThat(engine.runningPipeline("fr-es").orElseThrow().isAlive()).as("the foreground's stay").isTrue();

        String another = "Le chien blanc dort dans le jardin.";   // a new request: the answer above is kept
        assertThat(BackgroundWork.call(() -> engine.translate(another, TextFormat.PLAIN, "fr", "es").text()))
                .isEqualTo(engine.translate(another, TextFormat.PLAIN, "fr", "es").text());
        assertThat(back.isAlive()).isTrue();
    }

    /** A process's nice value (Linux: field 19 of /proc/PID/stat). */
    private static int niceness(long pid) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void answersEachOfManyThreadsWritingToOnePipelineAtOnceWithItsOwnTranslation() throws Exception {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sentences.add("Le conseil municipal a voté " + (i + 1) + " nouvelles mesures pour la ville.");
        }
        Map<String, String> alone = new HashMap<>();
        for (String s : sentences) {
            alone.put(s, engine.translate(s, TextFormat.PLAIN, "fr", "en").text());
        }
        ApertiumPipeline pipeline = engine.runningPipeline("fr-es").orElseThrow();
        int starts = pipeline.starts();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> together = new ArrayList<>();
            for (String s : sentences) {
                together.add(threads.submit(() -> engine.translate(s, TextFormat.PLAIN, "fr", "en").text()));
            }
            for (int i = 0; i < sentences.size(); i++) {
                assertThat(together.get(i).get()).isEqualTo(alone.get(sentences.get(i)));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(pipeline.starts()).isEqualTo(starts);
    }

    @Test
    void asksAModeOnceForTheSameRequestOfSeveralLanguagesAtOnce() throws Exception {
        String sentence = "Les pompiers ont maîtrisé l'incendie de la forêt de Fontainebleau avant l'aube.";
        engine.translate("Bonjour.", TextFormat.PLAIN, "fr", "ca");
        ApertiumPipeline frCa = engine.runningPipeline("fra-cat").orElseThrow();
        long requests = frCa.requests();
        long shared = engine.sharedAnswers();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            // Catalan and Italian (fr>ca>it) begin with the same hop, asked by three threads each at once
            List<Future<String>> ca = new ArrayList<>();
            List<Future<String>> it = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ca.add(threads.submit(() -> engine.translate(sentence, TextFormat.PLAIN, "fr", "ca").text()));
                it.add(threads.submit(() -> engine.translate(sentence, TextFormat.PLAIN, "fr", "it").text()));
            }
            String catalan = ca.get(0).get();
            String italian = it.get(0).get();
            for (int i = 1; i < 3; i++) {
                assertThat(ca.get(i).get()).isEqualTo(catalan);
                assertThat(it.get(i).get()).isEqualTo(italian);
            }
            assertThat(catalan).contains("bombers");
            assertThat(italian).contains("vigili del fuoco");
            assertThat(frCa.requests() - requests).as("fr>ca asked once for six translations").isEqualTo(1);
            // five fr>ca answers shared, and two of ca>it's (three Italian threads, one request)
            assertThat(engine.sharedAnswers() - shared).isEqualTo(5 + 2);
        } finally {
            threads.shutdownNow();
        }

        // the backlog's lane asks its own pipeline: it never waits for the express lane's request, nor shares it
        String background = BackgroundWork.call(() -> engine.translate(sentence, TextFormat.PLAIN, "fr", "ca").text());
        ApertiumPipeline back = engine.runningBackgroundPipeline("fra-cat").orElseThrow();
        assertThat(back.requests()).isPositive();
        assertThat(background).isEqualTo(engine.translate(sentence, TextFormat.PLAIN, "fr", "ca").text());
        assertThat(frCa.requests() - requests).as("answered from the answer kept").isEqualTo(1);
    }

    @Test
    void refusesARouteItHasNoModeFor() {
        ApertiumEngine missing = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), Map.of("ja", "fr>ja"),
                Duration.ofSeconds(5));
        assertThat(missing.supports("fr", "ja")).isFalse();
        assertThatThrownBy(() -> missing.translate("Bonjour", TextFormat.PLAIN, "fr", "ja"))
                .isInstanceOf(TranslationException.class).hasMessageContaining("fr>ja");
    }
}
