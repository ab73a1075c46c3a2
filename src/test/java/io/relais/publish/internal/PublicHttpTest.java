package io.relais.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.ITemplateEngine;

import io.relais.StoredArticlesTest;
import io.relais.StubHub;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.publish.FeedBuilder;
import io.relais.publish.FeedPublisher;
import io.relais.publish.PublishSettings;
import io.relais.translation.TargetLanguages;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP done right on every public document and page: an IMF-fixdate Last-Modified that is the time of the last
 * change and survives a restart, a strong ETag, gzip, 304 for either validator, CORS on the feeds, one address per
 * document (the others redirect), and WebSub pings that say who sends them.
 */
class PublicHttpTest extends StoredArticlesTest {

    static final String IMF_FIXDATE = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";

    @Autowired
    FeedPublisher publisher;
    @Autowired
    EntryLog log;
    @Autowired
    FeedBuilder builder;
    @Autowired
    PublishSettings settings;
    @Autowired
    TargetLanguages languages;
    @Autowired
    ITemplateEngine templates;
    @Autowired
    DocumentStates states;
    @Autowired
    FeedDocuments documents;

    private long published(String lang, String french, String translated) {
        Source source = sources.ensure("test:public-http-" + lang, Source.Kind.API, "public http");
        sources.updateLanguages(source.id(), List.of(lang));
        long id = articles.store(new NewArticle(source.id(), "http-" + System.nanoTime(), null, french, "Un résumé.",
                "<p>" + french + ".</p>", "Claire Dubois", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, null,
                List.of())).articleId();
        translations.save(new TranslationResult(id, 1, lang, "apertium", "fr>" + lang, translated, "Un resumen.",
                "<p>" + translated + ".</p>", 80.0, 6, 0, TranslationState.AUTO_APPROVED, null, List.of()));
        publisher.republish(lang);
        return id;
    }

    @Test
    void everyPublicDocumentAndPageHasAnImfFixdateLastModifiedTheSameAfterARestartAndAStrongEtag() {
        quiesce(runs);   // no run of other tests' articles changes the Spanish feed meanwhile
        // changes in one second move a document's Last-Modified a second on (new bytes never keep the time of the
        // bytes before: the test below); this one's change comes in a second after the one the feed's date has now
        Instant before = Instant.from(Document.IMF_FIXDATE.parse(anonymousGet(url("/feeds/es/atom.xml")).headers()
                .firstValue("Last-Modified").orElseThrow()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(before.plusSeconds(2)));
        long id = published("es", "Le train de nuit reprend entre Paris et Nice", "El tren nocturno vuelve entre París y Niza");
        String page = ArticleLinksPath.of(anonymousGet(url("/feeds/es/rss.xml")).body(), id);
        List<String> paths = List.of("/feeds/", "/feeds/feeds.opml", "/feeds/es/", "/feeds/es/rss.xml", "/feeds/es/atom.xml",
                "/feeds/es/feed.json", page);
        java.util.Map<String, HttpResponse<String>> first = new java.util.HashMap<>();
        for (String path : paths) {
            HttpResponse<String> response = anonymousGet(url(path));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            String lastModified = response.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(lastModified).as(path).matches(IMF_FIXDATE).doesNotContain("1970");
            assertThat(response.headers().firstValue("ETag")).as(path).hasValueSatisfying(e -> assertThat(e).matches("\"[A-Za-z0-9_-]+\""));
            first.put(path, response);
            // both validators answer 304; a date before the last change does not
            assertThat(send(path, "If-None-Match", response.headers().firstValue("ETag").orElseThrow()).statusCode()).as(path).isEqualTo(304);
            assertThat(send(path, "If-Modified-Since", lastModified).statusCode()).as(path).isEqualTo(304);
            assertThat(send(path, "If-Modified-Since", "Thu, 01 Jan 2026 00:00:00 GMT").statusCode()).as(path).isEqualTo(200);
        }
        // the feed's Last-Modified is the time of its last change, as the log has it
        assertThat(first.get("/feeds/es/atom.xml").headers().firstValue("Last-Modified")).hasValue(
                Document.IMF_FIXDATE.format(log.mark("es").changedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));

        // another process (a restart, another node) renders the same bytes with the same validators
        FeedDocuments restarted = new FeedDocuments(log, builder, settings, languages, templates, states,
                new RecentWithdrawals(log, settings));
        assertThat(restarted.feed("es", io.relais.publish.FeedFormat.ATOM, 0).orElseThrow().lastModifiedHeader())
                .isEqualTo(first.get("/feeds/es/atom.xml").headers().firstValue("Last-Modified").orElseThrow());
        assertThat(restarted.feed("es", io.relais.publish.FeedFormat.ATOM, 0).orElseThrow().etag())
                .isEqualTo(first.get("/feeds/es/atom.xml").headers().firstValue("ETag").orElseThrow());
        assertThat(restarted.opml().lastModifiedHeader())
                .isEqualTo(first.get("/feeds/feeds.opml").headers().firstValue("Last-Modified").orElseThrow());
        assertThat(restarted.index().lastModifiedHeader())
                .isEqualTo(first.get("/feeds/").headers().firstValue("Last-Modified").orElseThrow());
    }

    @Test
    void aDocumentChangedTwiceInOneSecondOrByANodeWhoseClockIsBehindGetsALaterLastModified() {
        // approved then withdrawn within a second: the feed kept its Last-Modified, and a reader that fetched it in
        // between was told 304 for If-Modified-Since, keeping the withdrawn entry
        String key = "test:same-second-" + System.nanoTime();
        Instant first = states.lastModified(key, "\"approved\"", Instant.now());
        Instant withdrawn = states.lastModified(key, "\"withdrawn\"", Instant.now());
        assertThat(withdrawn).isAfter(first);
        Instant behind = states.lastModified(key, "\"from a slow clock\"", withdrawn.minusSeconds(30));
        assertThat(behind).isAfter(withdrawn);
        assertThat(states.lastModified(key, "\"from a slow clock\"", Instant.now())).as("the same bytes keep their time")
                .isEqualTo(behind);
    }

    @Test
    void pagesAreGzippedAndFeedsMayBeReadFromAnyOriginButPagesNot() throws Exception {
        long id = published("ca", "Le marché de Noël ouvre à Colmar", "El mercat de Nadal obre a Colmar");
        String page = ArticleLinksPath.of(anonymousGet(url("/feeds/ca/rss.xml")).body(), id);
        HttpResponse<byte[]> gzip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(page)))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes(), StandardCharsets.UTF_8))
                .contains("El mercat de Nadal obre a Colmar");
        for (String feed : List.of("/feeds/ca/rss.xml", "/feeds/ca/atom.xml", "/feeds/ca/feed.json", "/feeds/feeds.opml")) {
            assertThat(anonymousGet(url(feed)).headers().firstValue("Access-Control-Allow-Origin")).as(feed).hasValue("*");
        }
        assertThat(anonymousGet(url(page)).headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    /**
     * A partner's page polls with conditional GET from a browser: it reads the ETag and sends it back, and the
     * browser first asks with a preflight {@code OPTIONS} — for the public feeds and the partner feeds alike.
     */
    @Test
    void aPageInABrowserMayPollAFeedWithItsEtag() {
        published("en", "Le tramway de Brest ouvre sa deuxième ligne", "Brest's tramway opens its second line");
        String created = send(api("/api/partners").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Browser\", \"languages\": [\"en\"]}")).build()).body();
        String token = JsonMapper.builder().build().readTree(created).get("token").asString();
        for (String feed : List.of("/feeds/en/atom.xml", "/feeds/p/" + token + "/en/feed.json")) {
            HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(url(feed)))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://partner.example")
                    .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "if-none-match")
                    .build());
            assertThat(preflight.statusCode()).as(feed).isBetween(200, 204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(feed).hasValue("*");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).as(feed).hasValue("GET,HEAD");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).as(feed).hasValue("if-none-match");
            assertThat(preflight.body()).as(feed).isEmpty();

            HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(url(feed)))
                    .header("Origin", "https://partner.example").build());
            assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).as(feed).hasValue("*");
            assertThat(read.headers().firstValue("Access-Control-Expose-Headers")).as(feed)
                    .hasValueSatisfying(exposed -> assertThat(exposed).contains("ETag").contains("Link"));
            HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(url(feed)))
                    .header("Origin", "https://partner.example")
                    .header("If-None-Match", read.headers().firstValue("ETag").orElseThrow()).build());
            assertThat(again.statusCode()).as(feed).isEqualTo(304);
            assertThat(again.headers().firstValue("Access-Control-Allow-Origin")).as(feed).hasValue("*");
        }
    }

    @Test
    void eachDocumentHasOneAddressAndTheOthersRedirectToIt() {
        for (String[] redirect : List.of(new String[] {"/feeds", "/feeds/"}, new String[] {"/feeds/index.html", "/feeds/"},
                new String[] {"/feeds/en", "/feeds/en/"}, new String[] {"/feeds/en/index.html", "/feeds/en/"})) {
            HttpResponse<String> response = anonymousGet(url(redirect[0]));
            assertThat(response.statusCode()).as(redirect[0]).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).as(redirect[0]).hasValue(redirect[1]);
        }
        assertThat(anonymousGet(url("/feeds/xx")).statusCode()).isEqualTo(404);
        assertThat(anonymousGet(url("/feeds/en/")).statusCode()).isEqualTo(200);
    }

    @Test
    void hubsAreToldWithRelaisAsUserAgentAndPartnerFeedsOnlyToTheTrustedHubs() {
        int before = StubHub.INSTANCE.pings().size();
        published("it", "Le pont de Tours rouvre", "Il ponte di Tours riapre");
        await().atMost(Duration.ofSeconds(10)).until(() -> StubHub.INSTANCE.pings().size() >= before + 3);
        List<String> agents = StubHub.INSTANCE.userAgents().subList(before, StubHub.INSTANCE.userAgents().size());
        assertThat(agents).allSatisfy(agent -> assertThat(agent).startsWith("Relais/").contains("WebSub publisher")
                .doesNotContain("Java-http-client"));

        HttpResponse<String> created = post("/api/partners", "{\"name\": \"Corriere\", \"languages\": [\"it\"], \"policy\": \"machine\"}");
        String token = JsonMapper.builder().build().readTree(created.body()).get("token").asString();
        String feed = anonymousGet(url("/feeds/p/" + token + "/it/atom.xml")).body();
        assertThat(feed).contains("rel=\"hub\" href=\"" + StubHub.INSTANCE.url() + "\"");
        int beforePartner = StubHub.INSTANCE.pings().size();
        published("it", "La foire de Lille ouvre", "La fiera di Lilla apre");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(StubHub.INSTANCE.pings()
                .subList(beforePartner, StubHub.INSTANCE.pings().size()))
                .contains("http://localhost:8080/feeds/p/" + token + "/it/atom.xml", "http://localhost:8080/feeds/it/atom.xml"));
    }

    private HttpResponse<String> send(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header(header, value).build());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The path of an article's page as a feed links it. */
    static final class ArticleLinksPath {
        static String of(String rss, long id) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<link>http://localhost:8080(/[a-z]{2}/articles/" + id + "-[^<]*)</link>")
                    .matcher(rss);
            assertThat(m.find()).as("a link to the page of article " + id).isTrue();
            return m.group(1);
        }
    }
}
