package io.relais.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.relais.quality.internal.RoundTrip;
import io.relais.quality.internal.SegmentChecks;
import io.relais.quality.internal.SegmentEstimator;
import io.relais.engine.HtmlBlocks;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedSegment;
import io.relais.engine.TranslatedText;
import io.relais.engine.UnknownMarks;
import io.relais.engine.apertium.ApertiumEngine;

/** Assessing whole translations made by the real Apertium engine, segment by segment, with real LanguageTool. */
class TranslationQualityTest {

    static ApertiumEngine engine;
    static SegmentEstimator estimator;

    @BeforeAll
    static void start() {
        engine = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), Map.of(), Duration.ofSeconds(60));
        estimator = new SegmentEstimator(SegmentChecks.standard(new LanguageQualityChecker()),
                new RoundTrip(engine, new QualitySettings.RoundTrip(true, null).routeLists()));
    }

    @AfterAll
    static void stop() {
        engine.close();
        estimator = null;   // LanguageTool and the spellers are large: let the rest of the suite have the memory
    }

    /** The body translated one paragraph at a time, as the translator keeps its segments. */
    private static TranslatedText translateBody(String html, String route) {
        List<TranslatedSegment> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int unknown = 0;
        for (String block : HtmlBlocks.split(html)) {
            TranslatedText t = engine.translateRoute(block, TextFormat.HTML, List.of(route.split(">")));
            parts.add(new TranslatedSegment(block, t.text(), t.engine(), route, new UnknownMarks(t.unknownWords(), 0, 0),
                    false));
            text.append(t.text());
            unknown += t.unknownWords();
        }
        return new TranslatedText(text.toString(), "apertium", route, 0, unknown, parts.size(), 0, parts);
    }

    private static TranslationQuality quality(double threshold, Map<String, String> glossary) {
        return new TranslationQuality(estimator, new VerdictPolicy(Map.of(), threshold, lang -> OptionalDouble.empty()),
                lang -> glossary);
    }

    @Test
    void aBlockingIssueMakesItsSegmentDoubtfulAndTheArticleGoesToReview() {
        String body = "<p>Le chat noir dort dans la maison.</p><p>Twitter a indiqué jeudi que les messages venaient de Russie.</p>";
        TranslatedText en = translateBody(body, "fr>ca>en");
        assertThat(en.text()).doesNotContain("Twitter");   // the engine alone translates the name

        QualityReport report = quality(0, Map.of("Twitter", "Twitter"))
                .assess("en", List.of(new FieldText("body", body, TextFormat.HTML, en)));

        assertThat(report.verdict().autoApprove()).isFalse();
        assertThat(report.segments()).extracting(SegmentEstimate::doubtful).containsExactly(false, true);
        SegmentEstimate doubtful = report.doubtful().get(0);
        assertThat(doubtful.reason()).contains("glossary (TERM_MISSING)");
        String bodyText = Jsoup.parseBodyFragment(en.text()).text();
        String secondParagraph = Jsoup.parseBodyFragment(en.parts().get(1).target()).text();
        assertThat(bodyText.substring(doubtful.start(), doubtful.end())).isEqualTo(secondParagraph);
        assertThat(report.issues()).anySatisfy(f -> {
            assertThat(f.issue().checker()).isEqualTo(TranslationQuality.ESTIMATE);
            assertThat(f.issue().severity()).isEqualTo("doubtful");
            assertThat(f.issue().startOffset()).isEqualTo(doubtful.start());
        });
    }

    @Test
    void issuesOfASegmentArePlacedInTheWholeFieldsText() {
        String body = "<p>Le chat noir dort dans la maison.</p><p>Les mesures ont été faites en Bretagne.</p>";
        TranslatedText en = translateBody(body, "fr>es>en");
        QualityReport report = quality(0, Map.of()).assess("en", List.of(new FieldText("body", body, TextFormat.HTML, en)));

        String bodyText = Jsoup.parseBodyFragment(en.text()).text();
        QualityIssue leak = report.issues().stream().map(FieldIssue::issue)
                .filter(i -> i.checker().equals("pivot-leak")).findFirst().orElseThrow();
        assertThat(bodyText.substring(leak.startOffset(), leak.endOffset())).isEqualTo("Bretaña");
    }

    @Test
    void anArticleIsAutoApprovedWhenEverySegmentPasses() {
        String title = "Le chat noir dort dans la maison.";
        TranslatedText es = engine.translateRoute(title, TextFormat.PLAIN, List.of("fr", "es"));
        QualityReport report = quality(0, Map.of()).assess("es", List.of(new FieldText("title", title, TextFormat.PLAIN, es)));
        assertThat(report.segments()).hasSize(1);
        assertThat(report.verdict().autoApprove()).isTrue();
    }

    @Test
    void aLanguageWithoutAFittedModelOrThresholdGoesToReview() {
        String title = "Le chat noir dort dans la maison.";
        TranslatedText es = engine.translateRoute(title, TextFormat.PLAIN, List.of("fr", "es"));
        TranslationQuality unfitted = new TranslationQuality(estimator,
                new VerdictPolicy(Map.of(), null, lang -> OptionalDouble.empty()), lang -> Map.of());
        QualityReport report = unfitted.assess("es", List.of(new FieldText("title", title, TextFormat.PLAIN, es)));
        assertThat(report.verdict().autoApprove()).isFalse();
    }
}
