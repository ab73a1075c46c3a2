package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;
import io.relais.engine.TextFormat;
import io.relais.engine.Translator;
import io.relais.publish.FeedPublisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The review API: every action, permissions, and bad input, with clear JSON errors. */
class ReviewApiTest extends RelaisIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String EDITOR_ES = basic("ana", "ana-password-123");

    @Autowired
    Articles articles;

    @Autowired
    Sources sources;

    @Autowired
    Translations translations;

    @Autowired
    Translator translator;

    @Autowired
    FeedPublisher publisher;

    long articleId;
    long spanishId;
    long italianId;

    @BeforeEach
    void translationsToReview() {
        assertThat(put("/api/users", "{\"username\": \"ana\", \"password\": \"ana-password-123\", \"role\": \"EDITOR\", "
                + "\"languages\": [\"es\"]}").statusCode()).isEqualTo(200);
        Source source = sources.ensure("test:review", Source.Kind.API, "review test");
        long article = articleId = articles.store(new NewArticle(source.id(), "review-" + System.nanoTime(), null,
                "Le boulanger de Dinan gagne le concours", null,
                "<p>Le boulanger de Dinan a gagné le concours régional de la meilleure baguette.</p>", null, null,
                null, null)).articleId();
        spanishId = translations.save(new TranslationResult(article, 1, "es", "apertium", "fr>es",
                "El panadero de Dinan gana el concurso", null,
                "<p>El panadero de Dinan ha ganado el concurso regional de la mejor baguette.</p>", 55.0, 14, 1,
                TranslationState.NEEDS_REVIEW, "score 55 below 70", List.of()));
        italianId = translations.save(new TranslationResult(article, 1, "it", "apertium", "fr>ca>it",
                "Il fornaio di Dinan vince il concorso", null, "<p>Il fornaio di Dinan ha vinto.</p>", 60.0, 14, 1,
                TranslationState.NEEDS_REVIEW, "score 60 below 70", List.of()));
    }

    @Test
    void anEditorFixesAndApprovesATranslationWhichIsPublishedAndRemembered() {
        JsonNode queue = JSON.readTree(as(EDITOR_ES, "GET", "/api/review/es/queue?sort=score", null).body());
        assertThat(queue.get("items").toString()).contains("\"id\":" + spanishId);
        JsonNode item = JSON.readTree(as(EDITOR_ES, "GET", "/api/review/items/" + spanishId, null).body());
        assertThat(item.get("source").get("title").asString()).isEqualTo("Le boulanger de Dinan gagne le concours");
        // the article has neither summary nor URL: absent or null, never the string "null"
        assertThat(item.get("source").path("summary").isMissingNode() || item.get("source").get("summary").isNull()).isTrue();
        assertThat(item.get("source").path("url").isMissingNode() || item.get("source").get("url").isNull()).isTrue();
        int version = item.get("translation").get("version").asInt();

        HttpResponse<String> draft = as(EDITOR_ES, "PUT", "/api/review/items/" + spanishId, """
                {"version": %d, "title": "El panadero de Dinan gana el certamen",
                 "body": "<p onclick=\\"x()\\">El panadero de Dinan ha ganado el certamen regional de la mejor baguette.</p><script>x()</script>"}"""
                .formatted(version));
        assertThat(draft.statusCode()).isEqualTo(200);
        JsonNode saved = JSON.readTree(draft.body());
        assertThat(saved.get("body").asString()).doesNotContain("onclick").doesNotContain("script").contains("certamen");

        HttpResponse<String> approved = as(EDITOR_ES, "POST", "/api/review/items/" + spanishId + "/approve",
                "{\"version\": " + saved.get("version").asInt() + "}");
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("\"state\":\"APPROVED\"");

        // the feed is rebuilt after the approval commits, asynchronously (PublishedSetChanged)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(feed("es", "atom.xml").getEntries()).anyMatch(e -> e.getTitle().equals("El panadero de Dinan gana el certamen")));
        assertThat(translator.translate("Le boulanger de Dinan gagne le concours", TextFormat.PLAIN, "es").text())
                .isEqualTo("El panadero de Dinan gana el certamen");
        JsonNode audit = JSON.readTree(as(EDITOR_ES, "GET", "/api/review/items/" + spanishId, null).body()).get("audit");
        assertThat(audit.toString()).contains("\"action\":\"EDIT\"").contains("\"action\":\"APPROVE\"").contains("\"user\":\"ana\"");
    }

    /**
     * An edit of an approved translation given whole ({@code PUT}, the form without script) is its draft, as the
     * editor's guide says: the feeds and the article page keep the approved text until the correction is published
     * ({@code POST .../store}). It was stored as the translation's text, which is what an approved one publishes.
     */
    @Test
    void anEditOfAnApprovedTranslationIsItsDraftUntilTheCorrectionIsPublished() {
        HttpResponse<String> approved = as(EDITOR_ES, "POST", "/api/review/items/" + spanishId + "/approve",
                "{\"version\": 0}");
        assertThat(approved.statusCode()).isEqualTo(200);
        int version = JSON.readTree(approved.body()).get("version").asInt();
        HttpResponse<String> draft = as(EDITOR_ES, "PUT", "/api/review/items/" + spanishId,
                "{\"version\": %d, \"title\": \"Borrador del panadero sin publicar\"}".formatted(version));
        assertThat(draft.statusCode()).isEqualTo(200);
        publisher.republish("es");
        assertThat(anonymousGet("http://localhost:" + port + "/feeds/es/atom.xml").body())
                .contains("El panadero de Dinan gana el concurso").doesNotContain("Borrador del panadero");
        HttpResponse<String> page = anonymousGet("http://localhost:" + port + "/es/articles/" + articleId);
        assertThat((page.headers().firstValue("Location").orElse("") + page.body()).toLowerCase())
                .doesNotContain("borrador");
        JsonNode cells = JSON.readTree(as(EDITOR_ES, "GET", "/api/review/items/" + spanishId + "/cells", null).body());
        assertThat(cells.toString()).as("kept as the draft").contains("Borrador del panadero sin publicar");

        JsonNode current = JSON.readTree(as(EDITOR_ES, "GET", "/api/review/items/" + spanishId, null).body());
        HttpResponse<String> stored = as(EDITOR_ES, "POST", "/api/review/items/" + spanishId + "/store",
                "{\"version\": %d}".formatted(current.get("translation").get("version").asInt()));
        assertThat(stored.statusCode()).isEqualTo(200);
        publisher.republish("es");
        assertThat(anonymousGet("http://localhost:" + port + "/feeds/es/atom.xml").body())
                .contains("Borrador del panadero sin publicar");
    }

    @Test
    void anEditorCanAskForAnotherEnginesTranslation() {
        JsonNode item = JSON.readTree(as(EDITOR_ES, "GET", "/api/review/items/" + spanishId, null).body());
        assertThat(item.get("engines").toString()).contains("apertium");
        HttpResponse<String> again = as(EDITOR_ES, "POST", "/api/review/items/" + spanishId + "/retranslate",
                "{\"version\": 0, \"engine\": \"apertium\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode fresh = JSON.readTree(again.body());
        assertThat(fresh.get("body").asString()).isNotEqualTo(
                "<p>El panadero de Dinan ha ganado el concurso regional de la mejor baguette.</p>").contains("Dinan");
        assertThat(fresh.get("state").asString()).isEqualTo("NEEDS_REVIEW");
        assertThat(fresh.get("version").asInt()).isEqualTo(1);
        assertThat(as(EDITOR_ES, "POST", "/api/review/items/" + spanishId + "/retranslate",
                "{\"version\": 1, \"engine\": \"babelfish\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void theApiIsDocumentedAsOpenApi() {
        HttpResponse<String> docs = as(EDITOR_ES, "GET", "/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/review/items/{id}/approve").contains("/api/articles").contains("/api/jobs/localize");
    }

    @Test
    void aSecondEditorSavingAnOldVersionGetsAConflictWithBothVersions() {
        HttpResponse<String> first = as(EDITOR_ES, "PUT", "/api/review/items/" + spanishId,
                "{\"version\": 0, \"title\": \"Primera versión\"}");
        assertThat(first.statusCode()).isEqualTo(200);
        HttpResponse<String> second = as(ADMIN_AUTH, "PUT", "/api/review/items/" + spanishId,
                "{\"version\": 0, \"title\": \"Segunda versión\"}");
        assertThat(second.statusCode()).isEqualTo(409);
        JsonNode conflict = JSON.readTree(second.body());
        assertThat(conflict.get("detail").asString()).contains("someone else changed this translation");
        assertThat(conflict.get("yours").get("title").asString()).isEqualTo("Segunda versión");
        assertThat(conflict.get("current").get("title").asString()).isEqualTo("Primera versión");
        assertThat(conflict.get("currentVersion").asInt()).isEqualTo(1);
    }

    @Test
    void permissionsAndBadInputGetClearErrors() {
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/review/counts")).GET().build())
                .statusCode()).as("anonymous").isEqualTo(401);
        assertThat(as(EDITOR_ES, "POST", "/api/review/items/" + italianId + "/approve", "{\"version\": 0}").statusCode())
                .as("an editor of es approving it").isEqualTo(403);
        assertThat(as(EDITOR_ES, "GET", "/api/review/it/queue", null).statusCode()).isEqualTo(403);
        assertThat(as(EDITOR_ES, "GET", "/api/sources", null).statusCode()).as("editors are not operators").isEqualTo(403);
        assertThat(as(EDITOR_ES, "GET", "/api/review/items/987654321", null).statusCode()).isEqualTo(404);
        assertThat(as(EDITOR_ES, "POST", "/api/review/items/" + spanishId + "/reject", "{\"version\": 0}").statusCode())
                .as("a rejection without reason").isEqualTo(400);
        assertThat(as(EDITOR_ES, "POST", "/api/review/items/" + spanishId + "/approve", "{}").statusCode())
                .as("no version").isEqualTo(400);
        String huge = "{\"version\": 0, \"body\": \"" + "x".repeat(1_100_000) + "\"}";
        assertThat(as(EDITOR_ES, "PUT", "/api/review/items/" + spanishId, huge).statusCode()).isEqualTo(413);

        HttpResponse<String> rejected = as(EDITOR_ES, "POST", "/api/review/items/" + spanishId + "/reject",
                "{\"version\": 0, \"reason\": \"sens inversé\"}");
        assertThat(rejected.statusCode()).isEqualTo(200);
        HttpResponse<String> again = as(EDITOR_ES, "POST", "/api/review/items/" + spanishId + "/approve", "{\"version\": 1}");
        assertThat(again.statusCode()).as("approving a rejected translation").isEqualTo(409);
        assertThat(again.body()).contains("cannot approve a translation in state REJECTED");
        // the same refusal in the interface language of the editor's page (its cookie); English for scripts
        HttpResponse<String> inFrench = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/review/items/" + spanishId + "/approve"))
                .header("Authorization", EDITOR_ES).header("Content-Type", "application/json")
                .header("Cookie", "relais-ui=fr")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\": 1}")).build());
        assertThat(inFrench.statusCode()).isEqualTo(409);
        assertThat(inFrench.body()).contains("\"message\":\"Cette traduction est maintenant « rejeté » : quelqu’un l’a "
                + "traitée").contains("cannot approve a translation in state REJECTED");

        // a form post without CSRF token is refused, even with valid credentials
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/review/items/" + italianId + "/reject")).header("Authorization", ADMIN_AUTH)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("version=0&reason=x")).build());
        assertThat(form.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> as(String auth, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
