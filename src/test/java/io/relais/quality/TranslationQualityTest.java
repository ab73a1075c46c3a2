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
        assertThat(doubtful.reason()).startsWith("glossary term missing: Twitter").doesNotContain("below");
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
    void theEstimateIsSaidAsItsReasonsNeverAsAThresholdNobodyReaches() {
        String body = "<p>La maison est grande.</p><p>Les mesures ont été faites en Bretagne.</p>";
        TranslatedText en = translateBody(body, "fr>es>en");
        QualityReport report = quality(101, Map.of()).assess("en", List.of(new FieldText("body", body, TextFormat.HTML, en)));

        assertThat(report.verdict().autoApprove()).isFalse();
        assertThat(report.verdict().explanation()).startsWith("every translation into this language is reviewed")
                .contains("Spanish word left: Bretaña").doesNotContain("below");
        List<QualityIssue> estimates = report.issues().stream().map(FieldIssue::issue)
                .filter(i -> i.checker().equals(TranslationQuality.ESTIMATE)).toList();
        assertThat(estimates).isNotEmpty().allSatisfy(i -> assertThat(i.message()).doesNotContain("below")
                .doesNotContain("101").doesNotContain("Bretagne.").isNotBlank());
        assertThat(estimates).anySatisfy(i -> assertThat(i.message()).startsWith("Spanish word left: Bretaña"));
    }

    @Test
    void aSegmentWithNothingToSayHasNoEstimateIssueWhereNothingPassesUnreviewed() {
        String title = "La maison est grande.";
        TranslatedText es = engine.translateRoute(title, TextFormat.PLAIN, List.of("fr", "es"));
        QualityReport report = quality(101, Map.of()).assess("es", List.of(new FieldText("title", title, TextFormat.PLAIN, es)));

        assertThat(report.verdict().autoApprove()).isFalse();
        assertThat(report.issues()).extracting(f -> f.issue().checker()).doesNotContain(TranslationQuality.ESTIMATE);
        assertThat(report.segments()).singleElement().satisfies(s -> assertThat(s.reason()).isNull());
    }

    @Test
    void aFinishingCorrectionIsStoredAsDoneWithTheOriginalAsItsUndo() {
        String title = "Le chat dort";
        TranslatedText es = new TranslatedText("Las elecciones: el gato duerme", "apertium", "fr>es", 3, 0, 1, 0,
                List.of(), List.of(new io.relais.engine.finishing.Correction("TYPO_COLON", "no space before a colon",
                        "elecciones :", "elecciones:")));
        QualityReport report = quality(0, Map.of()).assess("es", List.of(new FieldText("title", title, TextFormat.PLAIN, es)));
        QualityIssue done = report.issues().stream().map(FieldIssue::issue)
                .filter(i -> i.checker().equals("finishing")).findFirst().orElseThrow();
        assertThat(done.severity()).isEqualTo("correction");
        assertThat(done.suggestion()).isEqualTo("elecciones :");
        assertThat(es.text().substring(done.startOffset(), done.endOffset())).isEqualTo("elecciones:");
        assertThat(done.blocking()).isFalse();
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
