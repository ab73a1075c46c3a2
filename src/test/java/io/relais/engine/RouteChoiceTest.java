package io.relais.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.relais.engine.apertium.ApertiumEngine;

/** Per-segment route choice on the real Apertium programs: fr>es>en and fr>ca>en as candidates for English. */
class RouteChoiceTest {

    static ApertiumEngine engine;

    @BeforeAll
    static void start() {
        engine = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), Map.of("en", "fr>es>en", "es", "fr>es"),
                Duration.ofSeconds(60));
        engine.useCandidates(Map.of("en", List.of("fr>es>en", "fr>ca>en")));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static Translator translator(SegmentScorer scorer) {
        Translator translator = new Translator(List.of(engine), null, false, List.of("en", "es"));
        translator.chooseRoutesWith(new RouteChoice(() -> new RouteChoice.Scoring(scorer, 0), 2));
        return translator;
    }

    private static Translator translatorByMarks() {
        Translator translator = new Translator(List.of(engine), null, false, List.of("en", "es"));
        translator.chooseRoutesWith(new RouteChoice(RouteChoice::byMarks, 2));
        return translator;
    }

    @Test
    void theEngineOffersItsConfiguredRouteFirstThenTheOtherCandidates() {
        assertThat(engine.candidateRoutes("fr", "en")).containsExactly("fr>es>en", "fr>ca>en");
        assertThat(engine.candidateRoutes("fr", "es")).containsExactly("fr>es");
    }

    @Test
    void theHigherScoredCandidateIsKeptAndItsRouteRecorded() {
        SegmentScorer prefersCatalan = (segment, lang) -> segment.route().equals("fr>ca>en") ? 80 : 20;
        TranslatedText t = translator(prefersCatalan).translate("Le chat noir dort dans la maison.", TextFormat.PLAIN, "en");
        assertThat(t.route()).isEqualTo("fr>ca>en");
        assertThat(t.text()).isEqualTo(engine.translateRoute("Le chat noir dort dans la maison.", TextFormat.PLAIN,
                List.of("fr", "ca", "en")).text());
        assertThat(t.parts()).singleElement().satisfies(p -> {
            assertThat(p.route()).isEqualTo("fr>ca>en");
            assertThat(p.source()).isEqualTo("Le chat noir dort dans la maison.");
            assertThat(p.target()).isEqualTo(t.text());
            assertThat(p.fromMemory()).isFalse();
        });
    }

    @Test
    void withoutAScorerACandidateWithTwoUnknownWordMarksFewerWinsSegmentBySegment() {
        // via Spanish "désavoué" and "siens" come out unknown; via Catalan every word is known
        String html = "<p>Il a été désavoué par les siens.</p><p>Le chat noir dort dans la maison.</p>";
        TranslatedText t = translatorByMarks().translate(html, TextFormat.HTML, "en");
        assertThat(t.parts()).hasSize(2);
        assertThat(t.parts().get(0).route()).isEqualTo("fr>ca>en");
        assertThat(t.parts().get(0).marks().total()).isZero();
        assertThat(t.parts().get(1).route()).as("a tie goes to the configured route").isEqualTo("fr>es>en");
        assertThat(t.text()).contains("overruled");
        assertThat(t.segments()).isEqualTo(2);
    }

    @Test
    void oneMarkFewerIsNotEnoughToLeaveTheConfiguredRoute() {
        // via Spanish "tweeté" and "hashtag" are unknown, via Catalan only "tuitat": one mark fewer
        TranslatedText t = translatorByMarks().translate("Les internautes ont tweeté sur le hashtag.", TextFormat.PLAIN, "en");
        assertThat(t.route()).isEqualTo("fr>es>en");
        SegmentScorer byMarks = MarksPerWordScorer.INSTANCE;
        assertThat(byMarks.score(new TranslatedSegment("a", "b", "apertium", "fr>ca>en", new UnknownMarks(1, 0, 0), false), "en"))
                .isGreaterThan(byMarks.score(new TranslatedSegment("a", "b", "apertium", "fr>es>en",
                        new UnknownMarks(1, 1, 0), false), "en"));
    }

    @Test
    void theTranslationsRouteIsTheOneThatWonTheMostWords() {
        List<TranslatedSegment> parts = List.of(
                new TranslatedSegment("Un deux trois quatre.", "", "apertium", "fr>ca>en", UnknownMarks.NONE, false),
                new TranslatedSegment("Un.", "", "apertium", "fr>es>en", UnknownMarks.NONE, false));
        assertThat(RouteChoice.summary(parts, List.of("fr>es>en", "fr>ca>en"))).isEqualTo("fr>ca>en");
        assertThat(RouteChoice.summary(List.of(), List.of("fr>es>en", "fr>ca>en"))).isEqualTo("fr>es>en");
    }

    @Test
    void aLanguageWithOneRouteIsTranslatedAlongItWithItsMarksCountedByKind() {
        TranslatedText t = translatorByMarks().translate("Le zorglub mange une pomme.",
                TextFormat.PLAIN, "es");
        assertThat(t.route()).isEqualTo("fr>es");
        assertThat(t.parts()).singleElement().satisfies(p -> assertThat(p.marks().unknown()).isEqualTo(1));
    }
}
