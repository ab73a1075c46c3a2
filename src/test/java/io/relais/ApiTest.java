package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP API: pushing articles and starting and listing localize runs. */
class ApiTest extends RelaisIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String ARTICLE = """
            {"title": "La mairie de Lille plante mille arbres",
             "body": "<p>La mairie de Lille a planté mille arbres cette semaine dans les parcs de la ville.</p>",
             "url": "https://exemple.fr/lille-arbres", "published": "2026-11-25T10:00:00+01:00"}""";

    @Test
    void aPushedArticleIsCreatedThenRecognisedWhenPushedAgain() {
        HttpResponse<String> created = post("/api/articles", ARTICLE);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/api/articles/"));
        assertThat(created.body()).contains("\"outcome\":\"CREATED\"");

        HttpResponse<String> again = post("/api/articles", ARTICLE);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"outcome\":\"UNCHANGED\"").contains("\"revision\":1");

        HttpResponse<String> shown = get(created.headers().firstValue("Location").orElseThrow());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("La mairie de Lille plante mille arbres");
    }

    @Test
    void twoArticlesPushedWithoutIdsWhoseTitlesShareAJavaHashAreTwoArticles() {
        // "Aa" and "BB" have the same String.hashCode(): pushed without url or externalId, the second article was
        // stored as a new revision of the first, whose text was gone from the feeds and pages
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        HttpResponse<String> first = post("/api/articles", """
                {"title": "Le conseil municipal de Caen vote le budget Aa",
                 "body": "<p>Le conseil municipal de Caen a voté lundi soir le budget de la ville.</p>"}""");
        HttpResponse<String> second = post("/api/articles", """
                {"title": "Le conseil municipal de Caen vote le budget BB",
                 "body": "<p>Les pompiers de Rouen ont éteint un incendie dans un entrepôt du port samedi.</p>"}""");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(second.body()).get("id").asLong()).isNotEqualTo(JSON.readTree(first.body()).get("id").asLong());

        HttpResponse<String> again = post("/api/articles", """
                {"title": "Le conseil municipal de Caen vote le budget Aa",
                 "body": "<p>Le conseil municipal de Caen a voté lundi soir le budget de la ville, à l'unanimité.</p>"}""");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"outcome\":\"REVISED\"");
        assertThat(JSON.readTree(again.body()).get("id").asLong()).isEqualTo(JSON.readTree(first.body()).get("id").asLong());
    }

    @Test
    void aPushThatIsNotJsonOrNotUtf8IsToldWhatIsWrongWithIt() {
        HttpResponse<String> truncated = post("/api/articles", "{\"title\": \"Le conseil\", \"body\": ");
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(truncated.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(JSON.readTree(truncated.body()).get("detail").asString())
                .startsWith("the request body is not valid JSON").contains("line 1");

        HttpResponse<String> array = post("/api/articles", "[{\"title\": \"Le conseil\"}]");
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(array.body()).get("detail").asString())
                .startsWith("the request body is not the JSON expected").doesNotContain("io.relais");

        byte[] latin1 = "{\"title\": \"Le conseil a voté\", \"body\": \"<p>Le conseil a voté le budget.</p>\"}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        HttpResponse<String> notUtf8 = send(api("/api/articles").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(latin1)).build());
        assertThat(notUtf8.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notUtf8.body()).get("detail").asString()).contains("UTF-8");
    }

    @Test
    void aPathValueOfTheWrongTypeIsA400ThatSaysWhatIsExpected() {
        HttpResponse<String> response = get("/api/partners/abc");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(JSON.readTree(response.body()).get("detail").asString())
                .isEqualTo("'abc' is not a valid id: a whole number is expected");
        HttpResponse<String> source = get("/api/sources/12x");
        assertThat(source.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(source.body()).get("detail").asString())
                .isEqualTo("'12x' is not a valid id: a whole number is expected");
    }

    @Test
    void anOversizePushIs413() {
        String huge = "{\"title\": \"Un titre\", \"body\": \"" + "Le texte. ".repeat(600_000) + "\"}";
        HttpResponse<String> response = post("/api/articles", huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than");
    }

    @Test
    void invalidPushesGetFieldErrors() {
        HttpResponse<String> response = post("/api/articles", "{\"title\": \"\", \"body\": \"x\", \"url\": \"ftp://x\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"title\"").contains("\"field\":\"url\"");
    }

    @Test
    void aNonFrenchPushIsRefusedWithTheReason() {
        HttpResponse<String> response = post("/api/articles", """
                {"title": "The city plants a thousand trees",
                 "body": "The city council planted a thousand trees in the parks this week, the mayor said on Monday."}""");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("not French");
        HttpResponse<String> letters = get("/api/dead-letters");
        assertThat(letters.statusCode()).isEqualTo(200);
        assertThat(letters.body()).contains("POST /api/articles").contains("not French");
    }

    @Test
    void aRunStartedThroughTheApiIsListedWithItsLanguages() {
        // a run started by ingestion may be going on: the API then queues this one and says so
        HttpResponse<String> started = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                .until(() -> post("/api/jobs/localize", ""), r -> r.body().contains("\"status\":\"STARTED\""));
        assertThat(started.statusCode()).isEqualTo(202);
        long id = JSON.readTree(started.body()).get("id").asLong();

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            HttpResponse<String> runs = get("/api/jobs");
            assertThat(runs.statusCode()).isEqualTo(200);
            JsonNode run = null;
            for (JsonNode r : JSON.readTree(runs.body()).get("runs")) {
                if (r.get("id").asLong() == id) {
                    run = r;
                }
            }
            assertThat(run).as("run %d is listed", id).isNotNull();
            assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(run.get("languages").propertyNames()).containsExactlyInAnyOrder("es", "ca", "en", "it", "pt");
            assertThat(JSON.readTree(runs.body()).get("translations").isObject()).isTrue();
        });
    }

    @Test
    void healthShowsTheRouteOfEveryLanguage() {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"translation\"").contains("\"en\":\"apertium fr>es>en\"")
                .contains("\"pt\":\"apertium fr>ca>pt\"");
    }

    @Test
    void unknownFeedLanguagesAre404AndFeedsSupportConditionalGet() throws Exception {
        assertThat(get("/feeds/xx/rss.xml").statusCode()).isEqualTo(404);
        HttpResponse<String> first = get("/feeds/es/atom.xml");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/feeds/es/atom.xml"))
                .header("If-None-Match", etag).build();
        HttpResponse<String> second = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).isIn(200, 304);   // 304 unless a run changed the feed in between
        if (second.statusCode() == 200) {
            assertThat(second.headers().firstValue("ETag")).isNotEqualTo(etag);
        }
    }
}
