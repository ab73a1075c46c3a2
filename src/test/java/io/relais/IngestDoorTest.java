package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
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
import io.relais.article.Sources;
import io.relais.ingest.DeadLetter;
import io.relais.ingest.DeadLetters;
import io.relais.ingest.internal.FeedPollers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every way in (push API, inbox files, polled feeds) goes through the same door: characters XML cannot carry are
 * removed, article links are http(s) only, text is decoded faithfully (UTF-16/32 read, undecodable text refused
 * with the reason and the raw bytes kept).
 */
class IngestDoorTest extends RelaisIntegrationTest {

    static final String TEXT = "Le conseil municipal de Quimper a voté mardi soir la rénovation complète de la halle "
            + "du marché, fermée depuis deux ans. Les travaux commenceront au printemps et dureront dix-huit mois.";

    @Autowired
    Articles articles;

    @Autowired
    Sources sources;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    FeedPollers pollers;

    private Optional<Article> titled(String prefix) {
        return articles.findAll(5000).stream().filter(a -> a.title().startsWith(prefix)).findFirst();
    }

    private DeadLetter letter(String originPart) {
        return deadLetters.recent(500).stream().filter(d -> d.origin().contains(originPart)).findFirst().orElse(null);
    }

    @Test
    void controlCharactersPushedThroughTheApiAreRemovedBeforeStorage() {
        HttpResponse<String> pushed = post("/api/articles", """
                {"title": "La halle\\u0001 de Quimper\\u0000 sera rénovée", "body": "<p>%s</p>",
                 "author": "Jean\\u0001Dupont", "summary": "Vote\\u0008 du conseil", "url": "https://exemple.fr/halle-api"}"""
                .formatted(TEXT));
        assertThat(pushed.statusCode()).isEqualTo(201);
        long id = JsonMapper.builder().build().readTree(pushed.body()).get("id").asLong();
        Article article = articles.find(id).orElseThrow();
        assertThat(article.title()).isEqualTo("La halle de Quimper sera rénovée");
        assertThat(article.author()).isEqualTo("JeanDupont");
        assertThat(article.summary()).isEqualTo("Vote du conseil");
    }

    @Test
    void overlongFieldsInInboxFilesAreCutOrRefusedWithTheReasonNotFailedInTheDatabase() throws Exception {
        drop("auteur-long.json", """
                {"title": "La halle de Quimper rouvrira en mai", "body": "%s", "author": "%s",
                 "url": "https://exemple.fr/halle-longue"}""".formatted(TEXT, "Jean Dupont ".repeat(60))
                .getBytes(StandardCharsets.UTF_8));
        Article article = await().atMost(Duration.ofSeconds(60)).until(() -> titled("La halle de Quimper rouvrira en mai"),
                Optional::isPresent).get();
        assertThat(article.author()).startsWith("Jean Dupont").hasSizeLessThanOrEqualTo(200);

        drop("lien-long.json", """
                {"title": "La halle de Quimper rouvrira en juin", "body": "%s", "url": "https://exemple.fr/%s"}"""
                .formatted(TEXT, "a".repeat(2100)).getBytes(StandardCharsets.UTF_8));
        Path error = INBOX.resolve(".failed/lien-long.json.error");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(error) && Files.size(error) > 0);
        assertThat(Files.readString(error)).contains("longer than 2000 characters");
    }

    @Test
    void controlCharactersInAnInboxPageAreRemovedBeforeStorage() throws Exception {
        drop("halle-quimper.html", """
                <html><head><title>Quimper&#1; rénove sa halle</title><meta name="author" content="Jean&#1;Dupont"></head>
                <body><article><h1>Quimper&#1; rénove sa halle&#x1F;</h1><p>%s</p></article></body></html>"""
                .formatted(TEXT).getBytes(StandardCharsets.UTF_8));
        Article article = await().atMost(Duration.ofSeconds(60)).until(() -> titled("Quimper rénove"), Optional::isPresent)
                .get();
        assertThat(article.title()).isEqualTo("Quimper rénove sa halle");
        assertThat(article.author()).isEqualTo("JeanDupont");
    }

    @Test
    void anInboxArticleWithAJavascriptLinkIsRefusedWithTheReason() throws Exception {
        drop("lien-piege.json", """
                {"title": "La halle de Quimper rouvrira", "body": "%s", "url": "javascript:alert(9)"}"""
                .formatted(TEXT).getBytes(StandardCharsets.UTF_8));
        Path error = INBOX.resolve(".failed/lien-piege.json.error");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(error) && Files.size(error) > 0);
        assertThat(Files.readString(error)).contains("absolute http(s) URL").contains("javascript:");
        assertThat(titled("La halle de Quimper rouvrira")).isEmpty();
    }

    @Test
    void aFeedItemWithAJavascriptLinkIsDeadLetteredAndTheOtherItemsAreIngested() throws Exception {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Le Télégramme (test)</title><link>https://exemple.fr/</link>
                <description>Actualités</description>
                <item><title>Piège à Brest</title><link>javascript:alert(9)</link><guid>piege-js-1</guid>
                <description>%1$s</description></item>
                <item><title>Brest inaugure son téléphérique rénové</title><link>https://exemple.fr/brest</link>
                <guid>brest-telepherique-1</guid><description>%1$s</description></item>
                </channel></rss>""".formatted(TEXT);
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(new Answer(200, Map.of("Content-Type", "application/rss+xml"), feed, 0));
            long id = createSource(server.uri() + "door.xml");
            await().atMost(Duration.ofSeconds(60)).until(() -> titled("Brest inaugure").isPresent());
            DeadLetter refused = await().atMost(Duration.ofSeconds(30)).until(() -> letter("item piege-js-1"),
                    java.util.Objects::nonNull);
            assertThat(refused.reason()).contains("http(s)");
            assertThat(titled("Piège à Brest")).isEmpty();
            pollers.stop(id);
        }
    }

    @Test
    void aUtf16FeedDroppedInTheInboxIsRead() throws Exception {
        String feed = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<link>https://exemple.fr/</link><description>d</description><item><title>Lorient accueille le "
                + "festival interceltique</title><link>https://exemple.fr/lorient</link><guid>lorient-utf16</guid>"
                + "<description>" + TEXT + "</description></item></channel></rss>";
        drop("utf16.xml", ("\uFEFF" + feed).getBytes(StandardCharsets.UTF_16LE));
        await().atMost(Duration.ofSeconds(60)).until(() -> titled("Lorient accueille").isPresent());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(INBOX.resolve(".done/utf16.xml")));
    }

    @Test
    void invalidUtf8InAnInboxFileIsRefusedWithTheReasonAndItsBytesKept() throws Exception {
        byte[] utf8 = ("<html><body><h1>Vannes ouvre un nouveau musée</h1><p>" + TEXT + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(utf8, utf8.length + 2);
        broken[utf8.length] = (byte) 0xC3;   // a truncated sequence after UTF-8 text
        broken[utf8.length + 1] = '!';
        drop("casse-utf8.html", broken);
        Path error = INBOX.resolve(".failed/casse-utf8.html.error");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(error) && Files.size(error) > 0);
        assertThat(Files.readString(error)).contains("invalid UTF-8");
        DeadLetter letter = letter("inbox/casse-utf8.html");
        assertThat(deadLetters.payload(letter.id()).orElseThrow()).isEqualTo(broken);
        assertThat(titled("Vannes ouvre")).isEmpty();
    }

    @Test
    void aFeedInAnEncodingThatCannotBeDecodedFaithfullyIsRefusedAndTheSourceSaysWhy() throws Exception {
        String feed = "<?xml version=\"1.0\" encoding=\"macintosh\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<link>https://exemple.fr/</link><description>d</description><item><title>Noël à Rennes</title>"
                + "<guid>rennes-mac</guid><description>" + TEXT + "</description></item></channel></rss>";
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(new Answer(200, Map.of("Content-Type", "application/xml"), null, 0,
                    feed.getBytes(Charset.forName("x-MacRoman"))));
            long id = createSource(server.uri() + "mac.xml");
            await().atMost(Duration.ofSeconds(60)).until(() -> sources.find(id).orElseThrow().lastError() != null);
            assertThat(sources.find(id).orElseThrow().lastError()).contains("unsupported encoding 'macintosh'");
            DeadLetter letter = letter(server.uri() + "mac.xml");
            assertThat(letter.reason()).contains("unsupported encoding");
            assertThat(deadLetters.payload(letter.id()).orElseThrow()).isEqualTo(feed.getBytes(Charset.forName("x-MacRoman")));
            assertThat(articles.findAll(5000)).noneMatch(a -> a.title().contains("Rennes"));
            pollers.stop(id);
        }
    }

    private long createSource(String url) {
        HttpResponse<String> created = post("/api/sources", "{\"url\": \"" + url + "\", \"pollInterval\": \"PT1H\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(created.body()).get("id").asLong();
    }
}
