package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.Article;
import io.relais.article.Articles;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.batch.LocalizeRuns;
import io.relais.translation.Translations;

/** The demo feed is polled and translated out of the box; polling it again adds no duplicate. */
class DemoFeedPollingTest extends RelaisIntegrationTest {

    static final List<String> LANGUAGES = List.of("es", "ca", "en", "it", "pt");

    @Autowired
    Articles articles;

    @Autowired
    Sources sources;

    @Autowired
    LocalizeRuns runs;

    @Autowired
    Translations translations;

    @Test
    void theDemoFeedIsTranslatedIntoEveryLanguageAndARepollAddsNothing() throws Exception {
        Source demo = sources.findByUrl("file:" + DEMO_FEED).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> demoArticles(demo).size() == 6);

        // every article gets a translation (published or held for review) in every language
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2)).until(() ->
                demoArticles(demo).stream().allMatch(a -> translations.forArticle(a.id()).size() == LANGUAGES.size()));
        // the feeds follow each stored translation after its commit, asynchronously
        for (String lang : LANGUAGES) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(feed(lang, "rss.xml").getEntries()).as("published %s entries", lang).isNotEmpty());
        }
        // the demo's links resolve: its articles have no address of their own, so their entries link to pages Relais
        // serves (the translated page, the French original as via); the few links in the texts go to Wikipedia
        for (String lang : LANGUAGES) {
            // the demo's items are the oldest: other tests' entries (this context is shared) may have pushed them from
            // the subscription document into the archive pages, which a reader walks too (RFC 5005)
            StringBuilder documents = new StringBuilder(get("/feeds/" + lang + "/rss.xml").body());
            for (int page = 1; ; page++) {
                HttpResponse<String> archive = anonymousGet(local("http://localhost:8080/feeds/" + lang + "/archive/"
                        + page + "/rss.xml"));
                if (archive.statusCode() != 200) {
                    break;   // 302: the page being filled is the subscription document
                }
                documents.append(archive.body());
            }
            String rss = documents.toString();
            assertThat(rss).doesNotContain("demo.relais.example");
            for (Article a : demoArticles(demo)) {
                java.util.regex.Matcher pages = java.util.regex.Pattern
                        .compile("http://localhost:8080/(?:" + lang + "|fr)/articles/" + a.id() + "-[a-z0-9-]*").matcher(rss);
                while (pages.find()) {
                    assertThat(anonymousGet(local(pages.group())).statusCode()).as(pages.group()).isEqualTo(200);
                }
            }
            // (only the demo's items: other tests' articles share this context)
            StringBuilder demoItems = new StringBuilder();
            java.util.regex.Matcher items = java.util.regex.Pattern.compile("<item>.*?</item>", java.util.regex.Pattern.DOTALL).matcher(rss);
            while (items.find()) {
                if (demoArticles(demo).stream().anyMatch(a -> items.group().contains("urn:relais:" + lang + ":article:" + a.id() + "<"))) {
                    demoItems.append(items.group());
                }
            }
            java.util.regex.Matcher external = java.util.regex.Pattern.compile("&lt;a href=\"(https?://[^\"]+)\"").matcher(demoItems);
            int externalLinks = 0;
            while (external.find()) {
                externalLinks++;
                assertThat(external.group(1)).startsWith("https://fr.wikipedia.org/wiki/");
            }
            assertThat(externalLinks).as("links in the %s texts", lang).isPositive();
        }
        // counted for the demo source only: other tests' articles share this context and may still be translated
        long translationCount = demoTranslations(demo);

        // the feed file is touched: the poller reads and parses it again
        OffsetDateTime before = sources.find(demo.id()).orElseThrow().lastSuccessAt();
        Files.setLastModifiedTime(DEMO_FEED, FileTime.from(Instant.now().plusSeconds(5)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                sources.find(demo.id()).orElseThrow().lastSuccessAt().isAfter(before)
                && sources.find(demo.id()).orElseThrow().lastModified().startsWith(
                        Files.getLastModifiedTime(DEMO_FEED).toString()));
        quiesce(runs);   // let a run the re-poll could have started finish

        assertThat(demoArticles(demo)).hasSize(6).allMatch(a -> a.revision() == 1);
        assertThat(demoTranslations(demo)).isEqualTo(translationCount);
    }

    private long demoTranslations(Source demo) {
        return demoArticles(demo).stream().mapToLong(a -> translations.forArticle(a.id()).size()).sum();
    }

    private List<Article> demoArticles(Source demo) {
        return articles.findAll(10_000).stream().filter(a -> a.sourceId() == demo.id()).toList();
    }
}
