package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.ScriptedServer.Answer;
import io.relais.article.Article;
import io.relais.article.Articles;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.ingest.internal.FeedPollers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input costs only itself: one item of a feed holding a numeric character reference beyond Unicode, of any
 * length, loses that character and the other items are ingested (dropped into the inbox or polled over HTTP); a stray
 * control character does not make a file binary (a real PNG or ZIP still is); bidirectional controls are taken out
 * of titles and authors and a link holding one is refused; a feed that does not parse is a failure on its source.
 */
class HostileInputTest extends RelaisIntegrationTest {

    static final String TEXT = IngestDoorTest.TEXT;

    @Autowired
    Articles articles;

    @Autowired
    Sources sources;

    @Autowired
    FeedPollers pollers;

    private Optional<Article> titled(String prefix) {
        return articles.findAll(5000).stream().filter(a -> a.title().startsWith(prefix)).findFirst();
    }

    /** A feed of three items, the second and third each holding a reference beyond any character. */
    private static String feedWithHugeReferences(String tag) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Ouest (test)</title><link>https://exemple.fr/</link>
                <description>Actualités</description>
                <item><title>Vannes %1$s ouvre une nouvelle médiathèque</title><link>https://exemple.fr/%1$s/vannes</link>
                <description>%2$s</description></item>
                <item><title>Lorient %1$s&#99999999999; accueille le festival</title>
                <link>https://exemple.fr/%1$s/lorient</link><description>%2$s &#xFFFFFFFFF;</description></item>
                <item><title>Brest %1$s&#x%3$s; inaugure son téléphérique</title>
                <link>https://exemple.fr/%1$s/brest</link><description>%2$s</description></item>
                </channel></rss>""".formatted(tag, TEXT, "F".repeat(300));
    }

    @Test
    void aHugeNumericReferenceInOneItemCostsOnlyThatCharacterInAFeedDroppedInTheInbox() throws Exception {
        drop("references.xml", feedWithHugeReferences("inbox").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(INBOX.resolve(".done/references.xml")));
        assertThat(titled("Vannes inbox ouvre")).isPresent();
        assertThat(titled("Lorient inbox accueille").map(Article::body)).hasValueSatisfying(body ->
                assertThat(body).contains("halle du marché").doesNotContain("&#"));
        assertThat(titled("Brest inbox inaugure")).isPresent();
    }

    @Test
    void aHugeNumericReferenceInOneItemCostsOnlyThatCharacterInAFeedPolledOverHttp() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(new Answer(200, Map.of("Content-Type", "application/rss+xml"), feedWithHugeReferences("http"), 0));
            long id = createSource(server.uri() + "references.xml");
            await().atMost(Duration.ofSeconds(60)).until(() -> titled("Brest http inaugure").isPresent());
            assertThat(titled("Vannes http ouvre")).isPresent();
            assertThat(titled("Lorient http accueille")).isPresent();
            Source source = sources.find(id).orElseThrow();
            assertThat(source.lastError()).isNull();
            assertThat(source.lastSuccessAt()).isNotNull();
            pollers.stop(id);
        }
    }

    @Test
    void aStrayControlCharacterInAnInboxFileIsRemovedWhileAPngOrAZipIsStillRefused() throws Exception {
        drop("nul.txt", ("Auray\u0000 restaure son vieux pont\n\n" + TEXT.replace("mardi", "mardi\u0000\u0007"))
                .getBytes(StandardCharsets.UTF_8));
        drop("nul.html", ("<html><head><title>Pontivy\u0000 rénove son château</title></head><body><article>"
                + "<h1>Pontivy\u0000 rénove son château</h1><p>" + TEXT + "\u0000</p></article></body></html>")
                .getBytes(StandardCharsets.UTF_8));
        drop("nul.json", ("{\"title\": \"Ploërmel\u0000 agrandit son lycée\", \"body\": \"<p>" + TEXT + "\u0001</p>\"}")
                .getBytes(StandardCharsets.UTF_8));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        drop("image.html", png);
        byte[] zip = {'P', 'K', 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 'a', 'r', 't', 'i', 'c', 'l', 'e', '.', 't', 'x', 't'};
        drop("archive.txt", zip);

        for (String name : new String[] {"nul.txt", "nul.html", "nul.json"}) {
            await(name).atMost(Duration.ofSeconds(60)).until(() -> Files.exists(INBOX.resolve(".done/" + name)));
        }
        assertThat(titled("Auray restaure")).hasValueSatisfying(a -> assertThat(a.body()).contains("mardi soir"));
        assertThat(titled("Pontivy rénove")).isPresent();
        assertThat(titled("Ploërmel agrandit")).isPresent();
        for (String name : new String[] {"image.html", "archive.txt"}) {
            Path error = INBOX.resolve(".failed/" + name + ".error");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(error) && Files.size(error) > 0);
            assertThat(Files.readString(error)).contains("binary");
        }
    }

    @Test
    void bidiControlsAreTakenOutOfTitlesAndAuthorsAndALinkHoldingOneIsRefused() {
        HttpResponse<String> pushed = post("/api/articles", JsonMapper.builder().build().writeValueAsString(Map.of(
                "title", "Redon \u202Egpj.exe\u202C accueille un salon du livre", "author", "\u2067Marie\u2069 \u200FLe Goff",
                "body", "<p>" + TEXT + "</p>", "externalId", "bidi-title-1")));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
        Article stored = titled("Redon").orElseThrow();
        assertThat(stored.title()).isEqualTo("Redon gpj.exe accueille un salon du livre");
        assertThat(stored.author()).isEqualTo("Marie Le Goff");

        HttpResponse<String> link = post("/api/articles", JsonMapper.builder().build().writeValueAsString(Map.of(
                "title", "Dinan fête ses remparts", "body", "<p>" + TEXT + "</p>",
                "url", "https://exemple.fr/dinan/\u202Efdp.exe")));
        assertThat(link.statusCode()).as(link.body()).isEqualTo(422);
        assertThat(link.body()).contains("bidirectional control");
        HttpResponse<String> encoded = post("/api/articles", JsonMapper.builder().build().writeValueAsString(Map.of(
                "title", "Dinan fête ses remparts", "body", "<p>" + TEXT + "</p>",
                "url", "https://exemple.fr/dinan/%E2%80%AEfdp.exe")));
        assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(422);
        assertThat(titled("Dinan")).isEmpty();

        HttpResponse<String> source = post("/api/sources", "{\"url\": \"https://exemple.fr/\u202Elmx.ssr\"}");
        assertThat(source.statusCode()).as(source.body()).isEqualTo(400);
        assertThat(source.body()).contains("bidirectional control");
    }

    @Test
    void aFeedThatDoesNotParseIsAFailureOnItsSourceUntilOneDoes() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(new Answer(200, Map.of("Content-Type", "application/rss+xml", "ETag", "\"broken\""),
                            "<rss version=\"2.0\"><channel><title>Cassé</title><item><title>x</title></chan", 0))
                    .then(new Answer(200, Map.of("Content-Type", "application/rss+xml", "ETag", "\"good\""), """
                            <?xml version="1.0" encoding="UTF-8"?>
                            <rss version="2.0"><channel><title>Réparé</title><link>https://exemple.fr/</link>
                            <description>d</description><item><title>Guingamp répare sa gare</title>
                            <link>https://exemple.fr/guingamp</link><description>%s</description></item>
                            </channel></rss>""".formatted(TEXT), 0));
            long id = createSource(server.uri() + "broken.xml");
            await().atMost(Duration.ofSeconds(60)).until(() -> sources.find(id).orElseThrow().lastError() != null);
            Source failed = sources.find(id).orElseThrow();
            assertThat(failed.lastSuccessAt()).as("a feed that does not parse is no success").isNull();
            assertThat(failed.lastPolledAt()).isNotNull();
            assertThat(failed.consecutiveFailures()).isEqualTo(1);
            assertThat(failed.etag()).as("the broken feed's validators are not kept").isNull();
            assertThat(get("/api/sources/" + id).body()).doesNotContain("lastSuccessAt");

            // the next poll (the source is let off its backoff) reads a good feed: now it is a success
            sources.recordFailure(id, failed.lastError(), null);
            pollers.sync(sources.find(id).orElseThrow());
            await().atMost(Duration.ofSeconds(60)).until(() -> titled("Guingamp répare").isPresent());
            await().atMost(Duration.ofSeconds(30)).until(() -> sources.find(id).orElseThrow().lastSuccessAt() != null);
            Source healthy = sources.find(id).orElseThrow();
            assertThat(healthy.lastError()).isNull();
            assertThat(healthy.etag()).isEqualTo("\"good\"");
            pollers.stop(id);
        }
    }

    private long createSource(String url) {
        HttpResponse<String> created = post("/api/sources", "{\"url\": \"" + url + "\", \"pollInterval\": \"PT1H\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(created.body()).get("id").asLong();
    }
}
