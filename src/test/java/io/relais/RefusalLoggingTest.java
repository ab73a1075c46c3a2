package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.relais.ScriptedServer.Answer;
import io.relais.article.Articles;
import io.relais.ingest.internal.FeedPollers;
import tools.jackson.databind.json.JsonMapper;

/**
 * An expected refusal at the door (not French, empty, binary, a link that is not http(s)) is an everyday event: it
 * is logged once, as a warning with the reason, and no framework logs it again as an error with a stack trace. The
 * refused file still ends in {@code inbox/.failed/} beside its {@code .error} file.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusalLoggingTest extends RelaisIntegrationTest {

    static final String ENGLISH = "The city council voted on Tuesday evening to renovate the old market hall, closed "
            + "for two years. Work will begin in the spring and last eighteen months, the mayor said.";

    static final String FRENCH = "Le conseil municipal de Quimper a voté mardi soir la rénovation complète de la halle "
            + "du marché, fermée depuis deux ans. Les travaux commenceront au printemps et dureront dix-huit mois.";

    @Autowired
    Articles articles;

    @Autowired
    FeedPollers pollers;

    @Test
    void aRefusedInboxFileIsLoggedOnceAsAWarningWithItsReasonAndNoStackTrace(CapturedOutput output) throws Exception {
        drop("refus-anglais.txt", ("The market hall of Quimper will be renovated\n\n" + ENGLISH)
                .getBytes(StandardCharsets.UTF_8));
        Path error = INBOX.resolve(".failed/refus-anglais.txt.error");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(error) && Files.size(error) > 0);
        Path moved = INBOX.resolve(".failed/refus-anglais.txt");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(moved));
        assertThat(INBOX.resolve("refus-anglais.txt")).doesNotExist();
        assertThat(INBOX.resolve(".done/refus-anglais.txt")).doesNotExist();

        List<String> lines = linesAbout(output, "refus-anglais.txt");
        assertThat(lines).as(output.getAll()).hasSize(1);
        assertThat(lines.get(0)).contains("WARN").contains("not French");
        assertThat(output.getAll()).doesNotContain("Failed delivery for").doesNotContain("Exhausted after delivery attempt")
                .doesNotContain("IngestRejectedException");
    }

    @Test
    void aRefusedFeedItemIsLoggedOnceAsAWarningAndTheOthersAreIngested(CapturedOutput output) throws Exception {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Ouest (test)</title><link>https://exemple.fr/</link>
                <description>Actualités</description>
                <item><title>The market hall reopens</title><link>https://exemple.fr/hall</link><guid>english-item-log</guid>
                <description>%s</description></item>
                <item><title>Quimper rouvre sa halle du marché</title><link>https://exemple.fr/halle-log</link>
                <guid>french-item-log</guid><description>%s</description></item>
                </channel></rss>""".formatted(ENGLISH, FRENCH);
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(new Answer(200, Map.of("Content-Type", "application/rss+xml"), feed, 0));
            HttpResponse<String> created = post("/api/sources", "{\"url\": \"" + server.uri()
                    + "log.xml\", \"pollInterval\": \"PT1H\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long id = JsonMapper.builder().build().readTree(created.body()).get("id").asLong();
            await().atMost(Duration.ofSeconds(60)).until(() -> articles.findAll(5000).stream()
                    .anyMatch(a -> a.title().startsWith("Quimper rouvre sa halle")));
            await().atMost(Duration.ofSeconds(30)).until(() -> !linesAbout(output, "english-item-log").isEmpty());
            pollers.stop(id);
        }
        List<String> lines = linesAbout(output, "english-item-log");
        assertThat(lines).as(output.getAll()).hasSize(1);
        assertThat(lines.get(0)).contains("WARN").contains("not French");
        assertThat(output.getAll()).doesNotContain("Failed delivery for").doesNotContain("Exhausted after delivery attempt")
                .doesNotContain("IngestRejectedException");
    }

    private static List<String> linesAbout(CapturedOutput output, String fileName) {
        return Arrays.stream(output.getAll().split("\\R")).filter(line -> line.contains(fileName)).toList();
    }
}
