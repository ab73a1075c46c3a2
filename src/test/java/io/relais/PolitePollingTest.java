package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.ScriptedServer.Answer;
import io.relais.article.Articles;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.ingest.internal.FeedPollers;
import tools.jackson.databind.json.JsonMapper;

/** Sources added at runtime are polled politely: conditional GET, gzip, backoff honouring Retry-After, pause. */
class PolitePollingTest extends RelaisIntegrationTest {

    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Le Courrier de l'Ouest</title><link>https://exemple.fr/</link>
            <description>Actualités</description>
            <item><title>Le port de Saint-Nazaire accueille un nouveau paquebot</title>
            <link>https://exemple.fr/paquebot</link><guid>courrier-paquebot-1</guid>
            <description>Le plus grand paquebot construit cette année a quitté le chantier naval mardi matin sous les yeux de milliers de curieux.</description>
            </item></channel></rss>""";

    @Autowired
    Sources sources;

    @Autowired
    Articles articles;

    @Test
    void aSourceAddedThroughTheApiIsPolledPolitelyAndCanBePaused() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(Answer.gzip(FEED, Map.of("ETag", "\"v1\"", "Content-Type", "application/rss+xml")))
                    .then(new Answer(304, Map.of("ETag", "\"v1\""), "", 0))
                    .then(Answer.status(503, Map.of("Retry-After", "3600")));

            HttpResponse<String> created = post("/api/sources", """
                    {"url": "%sfeed.xml", "name": "Courrier (test)", "pollInterval": "PT1S"}""".formatted(server.uri()));
            assertThat(created.statusCode()).isEqualTo(201);
            long id = JsonMapper.builder().build().readTree(created.body()).get("id").asLong();

            await().atMost(Duration.ofSeconds(30)).until(() -> articles.findAll(1000).stream()
                    .anyMatch(a -> a.externalId().equals("courrier-paquebot-1")));
            await().atMost(Duration.ofSeconds(30)).until(() -> server.received.size() >= 3);
            // two more ticks of the source's poller: it is backing off, so nothing more is sent
            NotifyBuilder twoMoreTicks = new NotifyBuilder(camelContext).fromRoute("feed-" + id).whenDone(2).create();
            assertThat(twoMoreTicks.matches(30, TimeUnit.SECONDS)).as("two more ticks").isTrue();

            assertThat(server.received).hasSize(3);
            assertThat(server.received.get(0).header("User-Agent")).startsWith("Relais/");
            assertThat(server.received.get(0).header("Accept-Encoding")).contains("gzip");
            assertThat(server.received.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
            Source source = sources.find(id).orElseThrow();
            assertThat(source.consecutiveFailures()).isEqualTo(1);
            assertThat(source.lastError()).contains("HTTP 503");
            assertThat(source.nextPollAt()).isAfter(OffsetDateTime.now().plusMinutes(55));
            assertThat(get("/api/sources/" + id).body()).contains("\"consecutiveFailures\":1").contains("\"polling\":true");

            HttpResponse<String> paused = put("/api/sources/" + id, "{\"paused\": true}");
            assertThat(paused.statusCode()).isEqualTo(200);
            assertThat(paused.body()).contains("\"paused\":true").contains("\"polling\":false");

            HttpResponse<String> deleted = delete("/api/sources/" + id);
            assertThat(deleted.statusCode()).isEqualTo(409);
            assertThat(deleted.body()).contains("pause it instead");
        }
    }

    @Test
    void aFullArticleSourceGetsEachItemsPageWithoutItsBoilerplate() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            String feed = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>La Gazette</title><link>%1$s</link><description>x</description>
                    <item><title>La mairie de Brest rénove le téléphérique</title><link>%1$sarticle/teleferique</link>
                    <guid>gazette-teleferique</guid><description>Les travaux commencent lundi.</description></item>
                    </channel></rss>""".formatted(server.uri());
            String page = """
                    <html><head><meta charset="utf-8"><title>Téléphérique | La Gazette</title></head><body>
                    <header><nav><a href="/">Accueil</a><a href="/sport">Sport</a></nav></header>
                    <div class="cookie">Nous utilisons des cookies. Accepter</div>
                    <article><h1>La mairie de Brest rénove le téléphérique</h1>
                    <p>Les travaux commencent lundi et dureront trois mois, a annoncé la mairie de Brest.</p>
                    <figure><img src="%1$simg/cabine.jpg" alt="La cabine"><figcaption>La cabine au-dessus de la Penfeld.</figcaption></figure>
                    <p>Pendant les travaux, une navette de bus remplacera le téléphérique entre les deux rives.</p>
                    <div class="share">Partager sur Facebook</div></article>
                    <aside class="related">Articles similaires</aside>
                    <section id="comments"><form><textarea></textarea><button>Laisser un commentaire</button></form></section>
                    <footer>Bouton retour en haut de la page</footer></body></html>""".formatted(server.uri());
            server.then(ScriptedServer.Answer.ok(feed)).then(new Answer(200, Map.of("Content-Type", "text/html"), page, 0));

            HttpResponse<String> created = post("/api/sources", """
                    {"url": "%sfeed.xml", "pollInterval": "PT1H", "fetchFullArticle": true}""".formatted(server.uri()));
            assertThat(created.statusCode()).isEqualTo(201);

            var article = await().atMost(Duration.ofSeconds(30)).until(() -> articles.findAll(1000).stream()
                    .filter(a -> a.externalId().equals("gazette-teleferique")).findFirst(), java.util.Optional::isPresent).get();
            assertThat(server.received.get(1).path()).isEqualTo("/article/teleferique");
            assertThat(article.body()).contains("dureront trois mois").contains("navette de bus")
                    .contains("<img src=\"" + server.uri() + "img/cabine.jpg\"")
                    .doesNotContain("Accueil").doesNotContain("cookies").doesNotContain("Partager")
                    .doesNotContain("Articles similaires").doesNotContain("commentaire").doesNotContain("retour en haut");
            assertThat(article.summary()).isEqualTo("Les travaux commencent lundi.");
        }
    }

    @Autowired
    FeedPollers pollers;

    @Autowired
    org.apache.camel.CamelContext camelContext;

    @Test
    void afterARestartTheFirstPollFetchesTheWholeFeedAgainWithoutDuplicates() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            String feed = FEED.replace("courrier-paquebot-1", "restart-item-1");
            server.then(new Answer(200, Map.of("ETag", "\"r1\""), feed, 0));
            long id = createSourceEvery(server.uri() + "restart.xml", "PT1H");
            await().atMost(Duration.ofSeconds(30)).until(() -> articles.findAll(1000).stream()
                    .anyMatch(a -> a.externalId().equals("restart-item-1")));
            assertThat(sources.find(id).orElseThrow().etag()).isEqualTo("\"r1\"");
            long count = articles.count();

            // what a start does (the poll before it may have been cut short after storing the ETag)
            pollers.stop(id);
            server.then(new Answer(200, Map.of("ETag", "\"r1\""), feed, 0));
            pollers.afterApplicationStart(camelContext);
            await().atMost(Duration.ofSeconds(30)).until(() -> server.received.size() == 2);

            assertThat(server.received.get(1).header("If-None-Match")).isNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> "\"r1\"".equals(sources.find(id).orElseThrow().etag()));
            assertThat(articles.count()).isEqualTo(count);
            pollers.stop(id);
        }
    }

    private long createSourceEvery(String url, String interval) {
        HttpResponse<String> created = post("/api/sources", "{\"url\": \"" + url + "\", \"pollInterval\": \"" + interval + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(created.body()).get("id").asLong();
    }

    @Test
    void brokenFeedsAreRecordedWithTheirReasonAndTheRawPayload() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            for (int i = 0; i < 10; i++) {
                server.then(new Answer(302, Map.of("Location", server.uri() + "loop.xml"), "", 0));
            }
            long loop = createSource(server.uri() + "loop.xml");
            await().atMost(Duration.ofSeconds(30)).until(() -> sources.find(loop).orElseThrow().lastError() != null);
            assertThat(sources.find(loop).orElseThrow().lastError()).contains("more than 5 redirects");
            assertThat(server.received.size()).isLessThanOrEqualTo(10);
        }
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(new Answer(200, Map.of("Content-Type", "text/html"),
                    "<!DOCTYPE html><html><body><h1>Page d'accueil</h1></body></html>", 0));
            long html = createSource(server.uri() + "page.html");
            await().atMost(Duration.ofSeconds(30)).until(() -> sources.find(html).orElseThrow().lastError() != null);
            assertThat(sources.find(html).orElseThrow().lastError()).contains("unreadable feed");
            assertThat(get("/api/dead-letters").body()).contains(server.uri() + "page.html");
        }
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(new Answer(200, Map.of("Content-Type", "application/rss+xml"), "", 0));
            long empty = createSource(server.uri() + "empty.xml");
            await().atMost(Duration.ofSeconds(30)).until(() -> sources.find(empty).orElseThrow().lastError() != null);
            assertThat(sources.find(empty).orElseThrow().lastError()).contains("unreadable feed");
        }
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(new Answer(200, Map.of("Content-Type", "application/rss+xml"), "<rss>" + "x".repeat(50_000_000), 0));
            long huge = createSource(server.uri() + "huge.xml");
            await().atMost(Duration.ofSeconds(30)).until(() -> sources.find(huge).orElseThrow().lastError() != null);
            assertThat(sources.find(huge).orElseThrow().lastError()).contains("larger than 5000000 bytes");
        }
    }

    private long createSource(String url) {
        HttpResponse<String> created = post("/api/sources", "{\"url\": \"" + url + "\", \"pollInterval\": \"PT1H\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(created.body()).get("id").asLong();
    }

    @Autowired
    io.relais.batch.LocalizeRuns runs;

    @Autowired
    io.relais.translation.Translations translations;

    @Test
    void aSourceIsTranslatedOnlyIntoItsOwnLanguages() {
        HttpResponse<String> created = post("/api/sources",
                "{\"url\": \"http://127.0.0.1:9/langues.xml\", \"paused\": true, \"languages\": [\"es\", \"en\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"languages\":[\"es\",\"en\"]");
        long sourceId = JsonMapper.builder().build().readTree(created.body()).get("id").asLong();
        long articleId = articles.store(new io.relais.article.NewArticle(sourceId, "langues-1", null,
                "Le festival de jazz de Marciac commence vendredi", null,
                "<p>Le festival de jazz de Marciac commence vendredi avec trois concerts gratuits.</p>", null, null,
                null, null)).articleId();

        runs.runNow();

        assertThat(translations.forArticle(articleId)).extracting(io.relais.translation.Translation::lang)
                .containsExactlyInAnyOrder("es", "en");
        assertThat(post("/api/sources", "{\"url\": \"http://127.0.0.1:9/x.xml\", \"languages\": [\"ja\"]}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void badSourcesAreRefusedWithTheReason() throws Exception {
        assertThat(post("/api/sources", "{\"url\": \"ftp://exemple.fr/feed\"}").body())
                .contains("unsupported URL scheme 'ftp'");
        assertThat(post("/api/sources", "{\"url\": \"ftp://exemple.fr/feed\"}").statusCode()).isEqualTo(400);
        assertThat(post("/api/sources", "{\"url\": \"file:" + DEMO_FEED + "\"}").statusCode()).isEqualTo(409);

        HttpResponse<String> empty = post("/api/sources", "{\"url\": \"http://127.0.0.1:9/never.xml\", \"paused\": true}");
        assertThat(empty.statusCode()).isEqualTo(201);
        long id = JsonMapper.builder().build().readTree(empty.body()).get("id").asLong();
        HttpResponse<String> deleted = delete("/api/sources/" + id);
        assertThat(deleted.statusCode()).isEqualTo(204);
    }

}
