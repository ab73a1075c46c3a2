package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.publish.FeedPublisher;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What anyone may read — feeds, archives, OPML, partner feeds, the feed pages and the article pages — carries a
 * Content-Security-Policy that lets nothing run, and {@code X-Content-Type-Options: nosniff}, on a 200 and on a
 * 304 alike (the public feeds are answered from memory ahead of security and MVC), and so does a 404 there. Checked
 * as an HTTP client, then in Chromium: the pages still look as designed, with no policy violation logged.
 */
class DocumentHeadersTest extends RelaisIntegrationTest {

    static final String FEED_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Autowired
    Articles articles;
    @Autowired
    Sources sources;
    @Autowired
    Translations translations;
    @Autowired
    FeedPublisher publisher;

    /** One published Spanish article, after enough others that the language has a complete archive page. */
    private long publishedArticle() {
        Source source = sources.ensure("test:document-headers", Source.Kind.API, "document headers");
        sources.updateLanguages(source.id(), List.of("es"));
        for (int i = 0; i < 50; i++) {
            long other = articles.store(new NewArticle(source.id(), "headers-archive-" + System.nanoTime(), null,
                    "Bulletin météo numéro " + i, null, "<p>Bulletin météo numéro " + i + ".</p>", null, null, null, null,
                    List.of())).articleId();
            translations.save(new TranslationResult(other, 1, "es", "apertium", "fr>es", "Boletín meteorológico " + i,
                    null, "<p>Boletín meteorológico " + i + ".</p>", 85.0, 4, 0, TranslationState.AUTO_APPROVED, null,
                    List.of()));
        }
        long id = articles.store(new NewArticle(source.id(), "headers-" + System.nanoTime(), null,
                "Le port de Concarneau fête ses thoniers", "Un résumé.", "<p>Le port de Concarneau fête ses thoniers.</p>",
                "Jeanne Martin", OffsetDateTime.now(ZoneOffset.UTC), null, null, List.of())).articleId();
        translations.save(new TranslationResult(id, 1, "es", "apertium", "fr>es",
                "El puerto de Concarneau celebra sus atuneros", "Un resumen.",
                "<p>El puerto de Concarneau celebra sus atuneros.</p>", 85.0, 8, 0, TranslationState.AUTO_APPROVED,
                null, List.of()));
        publisher.republish("es");
        return id;
    }

    private String partnerFeed(String format) {
        HttpResponse<String> created = post("/api/partners", "{\"name\": \"Headers\", \"languages\": [\"es\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode partner = JsonMapper.builder().build().readTree(created.body());
        return partner.get("feeds").get("es").get(format).asString();
    }

    @Test
    void everyFeedAndPublicPageCarriesAStrictPolicyAndNosniffOn200And304() {
        long id = publishedArticle();
        List<String> feeds = new ArrayList<>(List.of("/feeds/es/rss.xml", "/feeds/es/atom.xml", "/feeds/es/feed.json",
                "/feeds/feeds.opml", "/feeds/es/archive/1/atom.xml"));
        feeds.add(URI.create(partnerFeed("rss")).getPath());
        feeds.add(URI.create(partnerFeed("json")).getPath());
        for (String path : feeds) {
            checkDocument(path, FEED_POLICY);
        }
        for (String path : List.of("/feeds/", "/feeds/es/")) {
            checkDocument(path, PAGE_POLICY);
        }
        String page = ourPage(id);
        HttpResponse<String> article = anonymousGet(page);
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(article.headers().firstValue("Content-Security-Policy")).hasValue(PAGE_POLICY);
        assertThat(article.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        // what is not there is refused with the same care
        for (String path : List.of("/feeds/es/archive/999/rss.xml", "/feeds/p/no-such-token/es/rss.xml", "/feeds/xx/atom.xml",
                "/es/articles/987654321")) {
            HttpResponse<String> missing = anonymousGet(url(path));
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(policy -> assertThat(policy).contains("default-src").doesNotContain("unsafe-eval")
                            .contains("frame-ancestors 'none'"));
            assertThat(missing.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
    }

    private void checkDocument(String path, String policy) {
        HttpResponse<String> ok = anonymousGet(url(path));
        assertThat(ok.statusCode()).as(path).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Security-Policy")).as(path).hasValue(policy);
        assertThat(ok.headers().allValues("Content-Security-Policy")).as(path).hasSize(1);
        assertThat(ok.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        String etag = ok.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> notModified = send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("If-None-Match", etag).timeout(Duration.ofSeconds(30)).build());
        assertThat(notModified.statusCode()).as(path).isEqualTo(304);
        assertThat(notModified.headers().firstValue("Content-Security-Policy")).as(path + " (304)").hasValue(policy);
        assertThat(notModified.headers().firstValue("X-Content-Type-Options")).as(path + " (304)").hasValue("nosniff");
    }

    @Test
    void chromiumShowsTheArticlePageAndTheFeedPagesWithTheirStylesAndNoPolicyViolation() {
        long id = publishedArticle();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            for (String page : List.of(ourPage(id), url("/feeds/"), url("/feeds/es/"))) {
                driver.get(page);
                // the page's own inline style sheet applied (body max-width 44rem or 48rem, not the browser's none)
                Object maxWidth = ((JavascriptExecutor) driver)
                        .executeScript("return getComputedStyle(document.body).maxWidth");
                assertThat(String.valueOf(maxWidth)).as(page).endsWith("px");
            }
            driver.get(url("/feeds/es/atom.xml"));
            driver.get(url("/feeds/es/feed.json"));
            List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
            assertThat(violations).isEmpty();
        } finally {
            driver.quit();
        }
    }

    private String ourPage(long id) {
        String page = anonymousGet(url("/feeds/es/feed.json")).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(http://localhost:8080/es/articles/" + id + "-[^\"]+)\"")
                .matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return local(m.group(1));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
    /** A raw request (the HTTP client would refuse to send these), and the answer's status line and headers. */
    private String rawAnswer(String requestLine) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            return answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
        }
    }

    @Test
    void theErrorsTomcatAnswersBeforeAnyFilterCarryTheHeadersAndNoServerDetails() throws Exception {
        // a space and a control character in the target, a malformed percent-escape: refused by Tomcat itself
        for (String line : List.of("GET /feeds/a b HTTP/1.1", "GET /feeds/\u0001 HTTP/1.1", "GET /%zz HTTP/1.1")) {
            String head = rawAnswer(line);
            assertThat(head).as(line).startsWith("HTTP/1.1 400")
                    .contains("Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
                            + "form-action 'none'; frame-ancestors 'none'")
                    .contains("X-Content-Type-Options: nosniff")
                    .doesNotContainIgnoringCase("Server:");
        }
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String body = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(body).doesNotContain("Apache Tomcat").doesNotContain("Exception");
        }
    }
}
