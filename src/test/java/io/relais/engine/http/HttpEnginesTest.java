package io.relais.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.resilience4j.retry.internal.RetryImpl;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedText;
import io.relais.engine.TranslationException;
import io.relais.ScriptedServer;
import io.relais.ScriptedServer.Answer;
import io.relais.testing.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each adapter against a local server speaking that service's documented API. */
class HttpEnginesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    ScriptedServer server;
    final List<Long> waits = new ArrayList<>();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        RetryImpl.setSleepFunction(waits::add);   // Resilience4j's waits, recorded instead of slept
    }

    @AfterEach
    void stop() {
        RetryImpl.setSleepFunction(Thread::sleep);
        server.close();
    }

    ResilientHttp http(Duration timeout, int maxAttempts, int threshold) {
        return new ResilientHttp("test", new ResilientHttp.Settings(timeout, maxAttempts, Duration.ofMillis(100),
                Duration.ofSeconds(30), threshold, Duration.ofSeconds(60)), clock);
    }

    LibreTranslateEngine libre() {
        return new LibreTranslateEngine("libretranslate", server.uri(), "k3y", Set.of("de", "en"),
                http(Duration.ofSeconds(2), 3, 5));
    }

    @Test
    void libreTranslateSendsTheDocumentedRequestAndReadsTheBatchAnswer() {
        server.then(Answer.ok("{\"translatedText\": [\"<p>Der Bürgermeister</p>\", \"Der Hafen\"]}"));
        List<TranslatedText> out = libre().translateAll(List.of("<p>Le maire</p>", "Le port"), TextFormat.HTML, "fr", "de");

        assertThat(out).extracting(TranslatedText::text).containsExactly("<p>Der Bürgermeister</p>", "Der Hafen");
        assertThat(out.get(0).engine()).isEqualTo("libretranslate");
        assertThat(out.get(0).route()).isEqualTo("fr>de");
        ScriptedServer.Received request = server.received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/translate");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("q").size()).isEqualTo(2);
        assertThat(body.get("source").asString()).isEqualTo("fr");
        assertThat(body.get("target").asString()).isEqualTo("de");
        assertThat(body.get("format").asString()).isEqualTo("html");
        assertThat(body.get("api_key").asString()).isEqualTo("k3y");
    }

    @Test
    void imageDescriptionsAndLinkTitlesAreTranslatedToo() {
        server.then(Answer.ok("{\"translatedText\": [\"Ein Foto vom Hafen\", \"Mehr lesen\"]}"))
                .then(Answer.ok("{\"translatedText\": [\"<p><img src=\\\"h.jpg\\\" alt=\\\"Une photo du port\\\"> "
                        + "<a href=\\\"/x\\\" title=\\\"Lire la suite\\\">Der Hafen</a></p>\"]}"));
        // the HTML request carries the already translated attributes; the server echoes them back here as sent
        String html = "<p><img src=\"h.jpg\" alt=\"Une photo du port\"> <a href=\"/x\" title=\"Lire la suite\">Le port</a></p>";
        libre().translate(html, TextFormat.HTML, "fr", "de");

        JsonNode attributes = JSON.readTree(server.received.get(0).body());
        assertThat(attributes.get("format").asString()).isEqualTo("text");
        assertThat(attributes.get("q").get(0).asString()).isEqualTo("Une photo du port");
        assertThat(attributes.get("q").get(1).asString()).isEqualTo("Lire la suite");
        String sent = JSON.readTree(server.received.get(1).body()).get("q").get(0).asString();
        assertThat(sent).contains("alt=\"Ein Foto vom Hafen\"").contains("title=\"Mehr lesen\"").contains(">Le port</a>");
    }

    @Test
    void a429IsRetriedAfterTheServersRetryAfter() {
        server.then(Answer.status(429, Map.of("Retry-After", "7")))
                .then(Answer.ok("{\"translatedText\": [\"Der Hafen\"]}"));
        assertThat(libre().translate("Le port", TextFormat.PLAIN, "fr", "de").text()).isEqualTo("Der Hafen");
        assertThat(waits).containsExactly(7000L);
        assertThat(server.received).hasSize(2);
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoff() {
        server.then(Answer.status(503, Map.of())).then(Answer.status(502, Map.of()))
                .then(Answer.ok("{\"translatedText\": [\"Der Hafen\"]}"));
        assertThat(libre().translate("Le port", TextFormat.PLAIN, "fr", "de").text()).isEqualTo("Der Hafen");
        assertThat(waits).containsExactly(100L, 200L);
    }

    @Test
    void aTimeoutAfterEveryAttemptIsAClearFailure() {
        LibreTranslateEngine slow = new LibreTranslateEngine("libretranslate", server.uri(), null, Set.of("de"),
                http(Duration.ofMillis(300), 2, 5));
        server.then(new Answer(200, Map.of(), "{}", 1500)).then(new Answer(200, Map.of(), "{}", 1500));
        assertThatThrownBy(() -> slow.translate("Le port", TextFormat.PLAIN, "fr", "de"))
                .isInstanceOf(TranslationException.class).hasMessageContaining("no answer within");
    }

    @Test
    void aMalformedReplyIsAFailureNotTheSourceText() {
        server.then(Answer.ok("{\"unexpected\": true}"));
        assertThatThrownBy(() -> libre().translate("Le port", TextFormat.PLAIN, "fr", "de"))
                .isInstanceOf(TranslationException.class).hasMessageContaining("not what its API documents");
        server.then(Answer.ok("<html>proxy error</html>"));
        assertThatThrownBy(() -> libre().translate("Le port", TextFormat.PLAIN, "fr", "de"))
                .isInstanceOf(TranslationException.class);
    }

    @Test
    void aClientErrorIsNotRetried() {
        server.then(Answer.status(403, Map.of()));
        assertThatThrownBy(() -> libre().translate("Le port", TextFormat.PLAIN, "fr", "de"))
                .isInstanceOf(TranslationException.class).hasMessageContaining("HTTP 403");
        assertThat(server.received).hasSize(1);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndClosesAfterItsDelay() {
        LibreTranslateEngine engine = new LibreTranslateEngine("libretranslate", server.uri(), null, Set.of("de"),
                http(Duration.ofSeconds(2), 1, 2));
        server.then(Answer.status(500, Map.of())).then(Answer.status(500, Map.of()));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> engine.translate("Le port", TextFormat.PLAIN, "fr", "de"))
                    .isInstanceOf(TranslationException.class);
        }
        assertThat(engine.available()).isFalse();
        assertThatThrownBy(() -> engine.translate("Le port", TextFormat.PLAIN, "fr", "de"))
                .hasMessageContaining("circuit breaker is open");
        assertThat(server.received).hasSize(2);

        clock.advance(Duration.ofSeconds(61));
        server.then(Answer.ok("{\"translatedText\": \"Der Hafen\"}"));
        assertThat(engine.available()).isTrue();
        assertThat(engine.translate("Le port", TextFormat.PLAIN, "fr", "de").text()).isEqualTo("Der Hafen");
    }

    @Test
    void deepLSendsItsAuthKeyTagHandlingAndGlossary() {
        DeepLEngine deepl = new DeepLEngine("deepl", server.uri(), "secret:fx", Set.of("de", "en"),
                Map.of("de", "gl-123"), http(Duration.ofSeconds(2), 3, 5));
        server.then(Answer.ok("{\"translations\": [{\"detected_source_language\": \"FR\", \"text\": \"<p>Der Hafen</p>\"}]}"));

        assertThat(deepl.translate("<p>Le port</p>", TextFormat.HTML, "fr", "de").text()).isEqualTo("<p>Der Hafen</p>");
        ScriptedServer.Received request = server.received.get(0);
        assertThat(request.path()).isEqualTo("/v2/translate");
        assertThat(request.header("Authorization")).isEqualTo("DeepL-Auth-Key secret:fx");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("text").get(0).asString()).isEqualTo("<p>Le port</p>");
        assertThat(body.get("source_lang").asString()).isEqualTo("FR");
        assertThat(body.get("target_lang").asString()).isEqualTo("DE");
        assertThat(body.get("tag_handling").asString()).isEqualTo("html");
        assertThat(body.get("glossary_id").asString()).isEqualTo("gl-123");
        assertThat(DeepLEngine.targetCode("en")).isEqualTo("EN-US");
    }

    @Test
    void deepLBatchesAtMostFiftyTexts() {
        DeepLEngine deepl = new DeepLEngine("deepl", server.uri(), "k", Set.of("de"), Map.of(),
                http(Duration.ofSeconds(2), 3, 5));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            texts.add("Phrase " + i);
        }
        assertThat(deepl.batches(texts)).extracting(List::size).containsExactly(50, 50, 20);
    }

    @Test
    void openAiCompatibleServersGetAPromptAndAnswerWithTheContent() {
        OpenAiCompatibleEngine llm = new OpenAiCompatibleEngine("local-llm", server.uri(), null, "qwen2.5-7b-instruct",
                Set.of("de"), http(Duration.ofSeconds(2), 3, 5));
        server.then(Answer.ok("{\"id\": \"x\", \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", "
                + "\"content\": \"```html\\n<p>Der Hafen</p>\\n```\"}, \"finish_reason\": \"stop\"}]}"));

        assertThat(llm.translate("<p>Le port</p>", TextFormat.HTML, "fr", "de").text()).isEqualTo("<p>Der Hafen</p>");
        ScriptedServer.Received request = server.received.get(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isNull();
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("model").asString()).isEqualTo("qwen2.5-7b-instruct");
        assertThat(body.get("temperature").asInt()).isZero();
        assertThat(body.get("messages").get(0).get("content").asString()).contains("German").contains("keep every tag");
        assertThat(body.get("messages").get(1).get("content").asString()).isEqualTo("<p>Le port</p>");
    }
}
