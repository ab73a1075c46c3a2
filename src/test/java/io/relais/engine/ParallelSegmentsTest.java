package io.relais.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.relais.engine.apertium.ApertiumEngine;

/** An article's segments translated at once on several threads (the express lane) come out as one after the other. */
class ParallelSegmentsTest {

    static ApertiumEngine apertium;
    static ExecutorService threads;

    static final String BODY = "<h2>Le marché de Noël ouvre samedi</h2>"
            + "<p>Le marché de Noël de Strasbourg ouvre samedi avec <strong>trois cents</strong> chalets.</p>"
            + "<p>La ville attend deux millions de visiteurs, selon la mairie.</p>"
            + "<ul><li>Des navettes gratuites partent de la gare.</li><li>Les parkings ferment à minuit.</li></ul>"
            + "<p><img src=\"https://exemple.fr/a.jpg\" alt=\"Le marché illuminé\"></p>"
            + "<p>Le préfet a renforcé la sécurité autour du centre historique.</p>";

    @BeforeAll
    static void start() {
        apertium = new ApertiumEngine(Path.of("/usr/share/apertium/modes"),
                Map.of("es", "fr>es", "en", "fr>es>en"), Duration.ofSeconds(60));
        apertium.useCandidates(Map.of("en", List.of("fr>ca>en")));
        threads = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
        apertium.close();
    }

    @Test
    void anArticlesSegmentsTranslatedAtOnceGiveTheSameTextRoutesAndPartsAsOneAfterTheOther() {
        Translator translator = new Translator(List.of(apertium), null, false, List.of("es", "en"));
        for (String lang : List.of("es", "en")) {
            TranslatedText alone = translator.translate(BODY, TextFormat.HTML, lang);
            TranslatedText together = translator.translate(BODY, TextFormat.HTML, lang, threads);
            assertThat(together.text()).isEqualTo(alone.text());
            assertThat(together.route()).isEqualTo(alone.route());
            assertThat(together.parts()).isEqualTo(alone.parts());
            assertThat(together.wordCount()).isEqualTo(alone.wordCount());
            assertThat(together.segments()).isEqualTo(alone.segments()).isGreaterThan(4);
        }
    }

    @Test
    void aSegmentThatFailsOnAnotherThreadFailsTheTranslationAsItWouldOnThisOne() {
        MachineTranslator broken = new MachineTranslator() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public boolean supports(String source, String target) {
                return true;
            }

            @Override
            public String route(String source, String target) {
                return source + ">" + target;
            }

            @Override
            public TranslatedText translate(String text, TextFormat format, String source, String target) {
                if (text.contains("visiteurs")) {
                    throw new TranslationException("the engine is down");
                }
                return new TranslatedText(text, "broken", source + ">" + target, Words.count(text), 0, 1, 0);
            }
        };
        Translator translator = new Translator(List.of(broken), null, false, List.of("es"));
        assertThatThrownBy(() -> translator.translate(BODY, TextFormat.HTML, "es", threads))
                .isInstanceOf(TranslationException.class).hasMessageContaining("the engine is down");
    }
}
