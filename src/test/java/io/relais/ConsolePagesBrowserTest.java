package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpServer;

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.batch.LocalizeRuns;
import io.relais.ingest.DeadLetter;
import io.relais.ingest.DeadLetters;
import io.relais.ingest.DeadLetterRetry;
import io.relais.ingest.ArticleIngestor;
import io.relais.ingest.IncomingArticle;
import io.relais.terminology.Glossary;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;

/**
 * The console's second pass in a real headless Chromium: every object an operator manages has a page (articles,
 * partners, health, poll now, OPML), nothing broken is shown healthy, no form loses what was typed, destructive and
 * overwriting actions are asked first, runs and dead letters tell the truth, messages speak the UI language. Each page
 * is photographed at 1280 and 390 px (target/screenshots/console2-*.png).
 */
class ConsolePagesBrowserTest extends RelaisIntegrationTest {

    static WebDriver browser;

    @Autowired
    Sources sources;

    @Autowired
    Articles articles;

    @Autowired
    Translations translations;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    DeadLetterRetry deadLetterRetry;

    @Autowired
    Glossary glossary;

    @Autowired
    LocalizeRuns runs;

    @Autowired
    ArticleIngestor ingestor;

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    WebDriver operator() {
        if (browser != null) {
            try {
                browser.manage().deleteAllCookies();
            } catch (WebDriverException crashed) {
                browser.quit();
                browser = null;
            }
        }
        if (browser == null) {
            browser = HeadlessChromium.start("en", Duration.ofSeconds(3));
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys("test-admin-password");
        ConsoleBrowserTest.submit(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        return browser;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static void submit(WebDriver driver, WebElement button) {
        ConsoleBrowserTest.submit(driver, button);
    }

    static String value(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getDomProperty("value");
    }

    /** The page at a desk's width and at a phone's, where nothing but the tables' own boxes may be wider than it. */
    static void shots(WebDriver driver, String name) throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        ConsoleBrowserTest.screenshot(driver, "console2-" + name + "-1280");
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            Long overflow = (Long) ((JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as(name + " at 390 px").isLessThanOrEqualTo(0L);
            assertThat(driver.findElements(By.tagName("h1"))).as(name + ": one h1").hasSize(1);
            ConsoleBrowserTest.screenshot(driver, "console2-" + name + "-390");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    /** A local web server answering by path: a site's home page, its feed, whatever a test needs. */
    static final class Site implements AutoCloseable {

        final HttpServer server;
        final Map<String, String[]> pages = new ConcurrentHashMap<>();

        Site() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String[] page = pages.get(exchange.getRequestURI().getPath());
                byte[] body = (page == null ? "not here" : page[1]).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", page == null ? "text/plain" : page[0]);
                exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        Site page(String path, String contentType, String body) {
            pages.put(path, new String[] {contentType, body});
            return this;
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static String rss(String title, String... items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>")
                .append(title).append("</title><link>http://127.0.0.1/</link><description>test</description>");
        for (int i = 0; i < items.length; i++) {
            xml.append("<item><title>").append(items[i]).append("</title><guid>").append(title.hashCode()).append('-')
                    .append(i).append("</guid><description>").append(items[i])
                    .append(", a annoncé la mairie mardi. Les habitants sont invités à suivre les consignes des autorités "
                            + "et à se renseigner auprès des services municipaux.</description></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    // --- sources: truthful states, forms that keep what was typed, discovery, poll now, delete asked, OPML ---

    @Test
    void aFeedWhoseCheckFailsIsRefusedWithTheReasonKeepsWhatWasTypedAndCanBeAddedPausedShownFailing() throws Exception {
        try (Site site = new Site()) {
            String gone = site.url("/gone.xml");
            WebDriver driver = operator();
            driver.get(url("/console/sources?check=" + gone));   // the check without script: the same as typing
            WebElement name = driver.findElement(By.id("add-name"));
            name.sendKeys("Le Journal disparu");
            WebElement minutes = driver.findElement(By.id("add-minutes"));
            minutes.clear();
            minutes.sendKeys("5");
            driver.findElement(By.cssSelector("#add-form input[name=langs][value=es]")).click();
            submit(driver, driver.findElement(By.id("add")));

            // refused, with the reason in words and the raw one behind a toggle; nothing typed is lost
            assertThat(driver.findElement(By.id("problem")).getText()).contains("cannot be added");
            assertThat(driver.findElement(By.id("add-url-error")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("add-url")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(driver.findElement(By.cssSelector(".check-problem")).getText()).contains("not found").contains("404");
            assertThat(value(driver, "add-url")).isEqualTo(gone);
            assertThat(value(driver, "add-name")).isEqualTo("Le Journal disparu");
            assertThat(value(driver, "add-minutes")).isEqualTo("5");
            assertThat(driver.findElement(By.cssSelector("#add-form input[name=langs][value=es]")).isSelected()).isTrue();
            assertThat(sources.findByUrl(gone)).isEmpty();
            shots(driver, "source-refused");

            // added paused anyway: failing, never a success, the error in words, the raw text behind "Details"
            submit(driver, driver.findElement(By.id("add-paused")));
            Source added = sources.findByUrl(gone).orElseThrow();
            assertThat(added.paused()).isTrue();
            assertThat(added.lastSuccessAt()).isNull();
            WebElement row = driver.findElement(By.id("source-" + added.id()));
            assertThat(row.findElement(By.cssSelector(".state")).getText()).isEqualTo("paused, failing");
            assertThat(row.findElement(By.cssSelector(".last-success")).getText()).isEqualTo("never");
            assertThat(row.findElement(By.cssSelector(".last-error")).getText()).contains("not found");
            WebElement raw = row.findElement(By.cssSelector(".last-error details.raw code"));
            assertThat(raw.isDisplayed()).isFalse();
            row.findElement(By.cssSelector(".last-error details.raw summary")).click();
            assertThat(raw.getText()).contains("HTTP 404");
            assertThat(row.getText()).doesNotContain("healthy");

            // a paused source is not polled now; deleting it asks first, and going back deletes nothing
            assertThat(row.findElements(By.cssSelector("button.poll"))).isEmpty();
            submit(driver, row.findElement(By.cssSelector("button.delete")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Delete the source");
            shots(driver, "confirm");
            driver.findElement(By.id("confirm-cancel")).click();
            assertThat(sources.find(added.id())).isPresent();
            submit(driver, driver.findElement(By.cssSelector("#source-" + added.id() + " button.delete")));
            submit(driver, driver.findElement(By.id("confirm-button")));
            assertThat(driver.findElement(By.id("message")).getText()).contains("Deleted source #" + added.id());
            assertThat(sources.find(added.id())).isEmpty();
        }
    }

    @Test
    void aSitesHomePageLeadsToItsFeedWhichIsAddedPolledNowAndNotAddedTwice() throws Exception {
        try (Site site = new Site()) {
            String feed = site.url("/actualites/rss.xml");
            site.page("/", "text/html; charset=utf-8", "<!DOCTYPE html><html lang=\"fr\"><head><title>La Voix du Gard</title>"
                    + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Toute l'actualité\" href=\"/actualites/rss.xml\">"
                    + "</head><body><h1>La Voix du Gard</h1></body></html>");
            site.page("/actualites/rss.xml", "application/rss+xml", rss("La Voix du Gard",
                    "Les arènes de Nîmes accueillent un concert", "Le marché de Noël ouvre samedi à Uzès"));
            WebDriver driver = operator();
            driver.get(url("/console/sources?check=" + site.url("/")));
            assertThat(driver.findElement(By.cssSelector(".check-problem")).getText()).contains("web page");
            WebElement discovered = driver.findElement(By.cssSelector("#discovered a.discovered"));
            assertThat(discovered.getText()).isEqualTo("Toute l'actualité");
            shots(driver, "source-discovery");
            discovered.click();
            await().atMost(Duration.ofSeconds(15)).until(() -> !driver.findElements(By.id("check-items")).isEmpty());
            assertThat(driver.findElement(By.id("check-items")).getText()).contains("2 items, 2 in French");
            assertThat(value(driver, "add-url")).isEqualTo(feed);
            submit(driver, driver.findElement(By.id("add")));
            assertThat(driver.findElement(By.id("message")).getText()).contains("Added source");
            long id = sources.findByUrl(feed).orElseThrow().id();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                driver.navigate().refresh();
                return driver.findElement(By.cssSelector("#source-" + id + " .state")).getText().equals("healthy");
            });
            assertThat(driver.findElement(By.cssSelector("#source-" + id + " .last-success")).getText()).isNotEqualTo("never");

            // poll now
            submit(driver, driver.findElement(By.cssSelector("#source-" + id + " button.poll")));
            assertThat(driver.findElement(By.id("message")).getText()).contains("being polled now");

            // the same feed again: refused on the URL field, with the source that has it, and the name kept
            driver.get(url("/console/sources"));
            driver.findElement(By.id("add-url")).sendKeys(feed);
            driver.findElement(By.id("add-name")).sendKeys("Encore elle");
            submit(driver, driver.findElement(By.id("add")));
            assertThat(driver.findElement(By.id("add-url-error")).getText()).contains("#" + id);
            assertThat(value(driver, "add-name")).isEqualTo("Encore elle");
            assertThat(value(driver, "add-url")).isEqualTo(feed);
        }
    }

    @Test
    void sourcesGoOutAsOpmlAndComeBackInAfterTheOperatorSaysYes() throws Exception {
        Source known = sources.register("http://127.0.0.1:9/known-feed.xml", Source.Kind.FEED, "Known", 900);
        WebDriver driver = operator();
        String exported = get("/console/sources/opml").body();
        assertThat(exported).contains("<opml version=\"2.0\">").contains("xmlUrl=\"" + known.url() + "\"");

        // an unreadable file: refused, the pasted text stays
        driver.get(url("/console/sources"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id("opml-text")), "<opml><body><outline text=\"oops\"</body></opml>");
        submit(driver, driver.findElement(By.id("opml-import-button")));
        assertThat(driver.findElement(By.id("opml-error")).getText()).contains("cannot be read");
        assertThat(value(driver, "opml-text")).contains("outline text=\"oops\"");

        String opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>mine</title></head><body>"
                + "<outline text=\"Presse\"><outline type=\"rss\" text=\"Le Petit Matin\" xmlUrl=\"http://127.0.0.1:9/matin.xml\"/>"
                + "<outline type=\"rss\" title=\"Le Soir du Sud\" xmlUrl=\"http://127.0.0.1:9/soir.xml\"/></outline>"
                + "<outline type=\"rss\" text=\"Known\" xmlUrl=\"" + known.url() + "\"/></body></opml>";
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id("opml-text")), opml);
        submit(driver, driver.findElement(By.id("opml-import-button")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Import 2 sources");
        assertThat(driver.findElement(By.id("confirm")).getText()).contains("Le Petit Matin").contains("Le Soir du Sud")
                .contains("already a source");
        assertThat(sources.findByUrl("http://127.0.0.1:9/matin.xml")).isEmpty();
        submit(driver, driver.findElement(By.id("confirm-button")));
        assertThat(driver.findElement(By.id("message")).getText()).contains("Imported 2 sources (1 skipped)");
        assertThat(sources.findByUrl("http://127.0.0.1:9/soir.xml").orElseThrow().name()).isEqualTo("Le Soir du Sud");
    }

    // --- articles ---

    long article(Source source, String title) {
        return articles.store(new NewArticle(source.id(), "console2-" + title.hashCode() + "-" + System.nanoTime(), null,
                title, null, "<p>" + title + ". Le conseil municipal a voté le projet mardi soir.</p>", null, null, null,
                null)).articleId();
    }

    long translation(long articleId, String lang, String title, TranslationState state) {
        return translations.save(new TranslationResult(articleId, 1, lang, "apertium", "fr>" + lang, title, null,
                "<p>" + title + ".</p>", 80.0, 10, 0, state, null, List.of()));
    }

    @Test
    void anOperatorFindsAnArticleOpensItAndWithdrawsItFromTheFeedsWhichFollow() throws Exception {
        quiesce(runs);
        Source source = sources.ensure("test:console2-articles", Source.Kind.API, "Dépêches de test");
        long kept = article(source, "Le tramway de Montpellier fête ses vingt ans");
        long withdrawn = article(source, "La piscine Olympe de Gouges ferme pour travaux");
        translation(kept, "es", "El tranvía de Montpellier cumple veinte años", TranslationState.APPROVED);
        long es = translation(withdrawn, "es", "La piscina Olympe de Gouges cierra por obras", TranslationState.APPROVED);
        translation(withdrawn, "ca", "La piscina Olympe de Gouges tanca per obres", TranslationState.NEEDS_REVIEW);
        translations.announce("es");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> get("/feeds/es/rss.xml").body().contains("La piscina Olympe de Gouges cierra por obras"));

        WebDriver driver = operator();
        driver.get(url("/console/articles?q=olympe"));
        assertThat(driver.findElements(By.cssSelector("#articles tr.article"))).hasSize(1);
        WebElement row = driver.findElement(By.id("article-" + withdrawn));
        assertThat(row.findElement(By.cssSelector("td[data-lang=es]")).getText()).isEqualTo("approved");
        assertThat(row.findElement(By.cssSelector("td[data-lang=ca]")).getText()).isEqualTo("to review");
        assertThat(row.findElement(By.cssSelector("td[data-lang=en]")).getText()).isEqualTo("—");
        shots(driver, "articles");
        // by state and language, and by source
        driver.get(url("/console/articles?source=" + source.id() + "&state=APPROVED&lang=es"));
        assertThat(driver.findElements(By.cssSelector("#articles tr.article"))).hasSize(2);
        driver.get(url("/console/articles?source=" + source.id() + "&state=NEEDS_REVIEW&lang=ca"));
        assertThat(driver.findElements(By.cssSelector("#articles tr.article"))).hasSize(1);
        driver.get(url("/console/articles?source=" + source.id() + "&state=WAITING&lang=en"));
        assertThat(driver.findElements(By.cssSelector("#articles tr.article"))).hasSize(2);

        driver.get(url("/console/articles/" + withdrawn));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("La piscine Olympe de Gouges ferme pour travaux");
        assertThat(driver.findElement(By.id("french")).getText()).contains("Le conseil municipal a voté");
        assertThat(driver.findElement(By.id("translation-es")).getText()).contains("La piscina Olympe de Gouges cierra por obras");
        assertThat(driver.findElement(By.cssSelector("#translation-es a.open-translation")).getAttribute("href"))
                .endsWith("/review/items/" + es);
        shots(driver, "article");

        submit(driver, driver.findElement(By.id("withdraw")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Withdraw this article");
        assertThat(driver.findElement(By.id("confirm")).getText()).contains("La piscine Olympe de Gouges");
        driver.findElement(By.id("reason")).sendKeys("erreur de date signalée par la rédaction");
        submit(driver, driver.findElement(By.id("confirm-button")));
        assertThat(driver.findElement(By.id("message")).getText()).contains("Withdrew 1 article from the feeds (2 translations)");
        assertThat(translations.findById(es).orElseThrow().state()).isEqualTo(TranslationState.REJECTED);
        assertThat(translations.findById(es).orElseThrow().failureReason()).contains("erreur de date");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> !get("/feeds/es/rss.xml").body().contains("La piscina Olympe de Gouges cierra por obras"));
        assertThat(get("/feeds/es/rss.xml").body()).contains("El tranvía de Montpellier cumple veinte años");
        assertThat(driver.findElement(By.id("history")).getText()).contains("article.withdraw").contains("erreur de date");
    }

    @Test
    void anOperatorReTranslatesSelectedArticlesAfterSayingYesAndTheBatchDoesThemAgain() throws Exception {
        quiesce(runs);
        Source source = sources.ensure("test:console2-retranslate", Source.Kind.API, "Retraductions");
        long first = article(source, "Le pont du Gard illuminé pour les fêtes");
        long second = article(source, "La foire de Beaucaire attend cent mille visiteurs");
        long t1 = translation(first, "it", "Il ponte del Gard illuminato", TranslationState.AUTO_APPROVED);
        long t2 = translation(second, "it", "La fiera di Beaucaire", TranslationState.APPROVED);
        WebDriver driver = operator();
        driver.get(url("/console/articles?source=" + source.id()));
        driver.findElement(By.cssSelector("#article-" + first + " input[name=ids]")).click();
        driver.findElement(By.cssSelector("#article-" + second + " input[name=ids]")).click();
        submit(driver, driver.findElement(By.id("bulk-retranslate")));
        // a bulk action asks first, and says which one replaces an editor's approved text
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Re-translate 2 articles");
        assertThat(driver.findElement(By.id("confirm")).getText()).contains("replaces an approved translation");
        assertThat(translations.findById(t1).orElseThrow().state()).isEqualTo(TranslationState.AUTO_APPROVED);
        submit(driver, driver.findElement(By.id("confirm-button")));
        assertThat(driver.findElement(By.id("message")).getText()).contains("Re-translation of 2 articles");
        assertThat(driver.getCurrentUrl()).contains("source=" + source.id());
        // the batch translates them again: new machine text, checked, a verdict
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                List.of(t1, t2).stream().allMatch(id -> translations.findById(id).orElseThrow().state()
                        != TranslationState.FAILED));
        // the editor's text and the seeded machine text were replaced by the batch's new translation
        assertThat(translations.findById(t2).orElseThrow().title()).isNotEqualTo("La fiera di Beaucaire");
        assertThat(translations.findById(t1).orElseThrow().title()).isNotEqualTo("Il ponte del Gard illuminato");
        driver.get(url("/console/articles/" + second));
        assertThat(driver.findElement(By.id("history")).getText()).contains("article.retranslate");
    }

    // --- partners ---

    @Test
    void anOperatorAddsAPartnerSeesTheTokenOnceRotatesItAndRevokesIt() throws Exception {
        WebDriver driver = operator();
        driver.get(url("/console/partners"));
        driver.findElement(By.id("partner-name")).sendKeys("Le Courrier du Rhône");
        driver.findElement(By.id("partner-keywords")).sendKeys("derby, concert");
        submit(driver, driver.findElement(By.id("add-partner-button")));
        // no language: refused on that field, what was typed stays
        assertThat(driver.findElement(By.id("partner-langs-error")).getText()).contains("at least one language");
        assertThat(value(driver, "partner-name")).isEqualTo("Le Courrier du Rhône");
        assertThat(value(driver, "partner-keywords")).isEqualTo("derby, concert");
        driver.findElement(By.cssSelector("#add-partner input[name=langs][value=es]")).click();
        submit(driver, driver.findElement(By.id("add-partner-button")));
        String token = value(driver, "token");
        assertThat(token).hasSizeGreaterThan(30);
        assertThat(driver.findElement(By.id("feed-urls")).getText()).contains("/feeds/p/" + token + "/es/rss.xml");
        shots(driver, "partner-token");
        assertThat(anonymousGet(url("/feeds/p/" + token + "/es/rss.xml")).statusCode()).isEqualTo(200);

        driver.get(url("/console/partners"));
        WebElement row = driver.findElement(By.xpath("//tr[contains(@class,'partner')][.//strong[text()='Le Courrier du Rhône']]"));
        String rowId = row.getAttribute("id");
        assertThat(row.getText()).doesNotContain(token).contains("1 fetch,");
        shots(driver, "partners");
        submit(driver, row.findElement(By.cssSelector("button.rotate")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Replace the token");
        submit(driver, driver.findElement(By.id("confirm-button")));
        String rotated = value(driver, "token");
        assertThat(rotated).isNotEqualTo(token);
        assertThat(anonymousGet(url("/feeds/p/" + token + "/es/rss.xml")).statusCode()).isEqualTo(404);
        assertThat(anonymousGet(url("/feeds/p/" + rotated + "/es/rss.xml")).statusCode()).isEqualTo(200);

        driver.get(url("/console/partners"));
        submit(driver, driver.findElement(By.cssSelector("#" + rowId + " button.revoke")));
        submit(driver, driver.findElement(By.id("confirm-button")));
        assertThat(driver.findElement(By.id(rowId)).getText()).contains("revoked");
        assertThat(anonymousGet(url("/feeds/p/" + rotated + "/es/rss.xml")).statusCode()).isEqualTo(404);

        driver.get(url("/console/partners/" + rowId.substring("partner-".length())));
        assertThat(value(driver, "partner-keywords")).isEqualTo("derby, concert");
        shots(driver, "partner");
    }

    // --- health ---

    @Test
    void theHealthPageSaysEachPartInWords() throws Exception {
        WebDriver driver = operator();
        driver.get(url("/console/health"));
        String text = driver.findElement(By.id("components")).getText();
        assertThat(text).contains("Database").contains("The database answers")
                .contains("Translation engines").contains("español: apertium")
                .contains("LanguageTool").contains("Every language is checked")
                .contains("Polling (poller lease)").contains("holds the poller lease")
                .contains("Disk").contains("GB free");
        assertThat(driver.findElement(By.id("overall")).getText()).isEqualTo("Every part works.");
        shots(driver, "health");
    }

    // --- forms that keep what was typed and ask before overwriting ---

    @Test
    void anEditorWithoutALanguageIsRefusedOnThatFieldAndNothingTypedIsLost() throws Exception {
        WebDriver driver = operator();
        driver.get(url("/console/users"));
        driver.findElement(By.id("username")).sendKeys("ines");
        driver.findElement(By.id("password")).sendKeys("ines-password-2026");
        submit(driver, driver.findElement(By.id("add-user-button")));
        assertThat(driver.findElement(By.id("langs-error")).getText()).contains("at least one language");
        assertThat(value(driver, "username")).isEqualTo("ines");
        assertThat(value(driver, "password")).isEqualTo("ines-password-2026");
        shots(driver, "user-refused");
        driver.findElement(By.cssSelector("#add-user input[name=langs][value=pt]")).click();
        submit(driver, driver.findElement(By.id("add-user-button")));
        assertThat(driver.findElement(By.id("message")).getText()).contains("Added editor ines");
    }

    @Test
    void theGlossaryAsksBeforeOverwritingOrDeletingKeepsTheFilterAndAFailedImportKeepsTheText() throws Exception {
        glossary.put("en", "Conseil constitutionnel", "Constitutional Council");
        WebDriver driver = operator();
        driver.get(url("/console/glossary?q=constitutionnel"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("add-target"))).selectByValue("en");
        driver.findElement(By.id("add-source")).sendKeys("Conseil constitutionnel");
        driver.findElement(By.id("add-translation")).sendKeys("Constitutional Court");
        submit(driver, driver.findElement(By.id("add-term-button")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Change the translation of Conseil constitutionnel");
        assertThat(driver.findElement(By.id("confirm")).getText()).contains("Constitutional Council").contains("Constitutional Court");
        assertThat(glossary.termsFor("en")).containsEntry("Conseil constitutionnel", "Constitutional Council");
        submit(driver, driver.findElement(By.id("confirm-button")));
        assertThat(glossary.termsFor("en")).containsEntry("Conseil constitutionnel", "Constitutional Court");
        assertThat(driver.getCurrentUrl()).contains("q=constitutionnel");

        long id = glossary.all().stream().filter(t -> t.sourceTerm().equals("Conseil constitutionnel")
                && t.targetLang().equals("en")).findFirst().orElseThrow().id();
        submit(driver, driver.findElement(By.cssSelector("#term-" + id + " button.delete")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Delete Conseil constitutionnel");
        submit(driver, driver.findElement(By.id("confirm-button")));
        assertThat(driver.findElement(By.id("message")).getText()).contains("deleted Conseil constitutionnel");
        assertThat(driver.getCurrentUrl()).contains("q=constitutionnel");
        assertThat(value(driver, "q")).isEqualTo("constitutionnel");

        String pasted = "es\tMatignon\tMatignon\nxx\tÉlysée\tElíseo\n";
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("tsv")), pasted);
        submit(driver, driver.findElement(By.cssSelector("#import button")));
        assertThat(driver.findElement(By.id("tsv-error")).getText()).contains("line 2").contains("xx");
        assertThat(value(driver, "tsv")).isEqualTo(pasted);
        shots(driver, "glossary-refused");
    }

    // --- runs and dead letters tell the truth ---

    @Test
    void aRunWithNothingToDoLooksIdle() throws Exception {
        quiesce(runs);
        long id = runs.runNow().getId();
        WebDriver driver = operator();
        driver.get(url("/console/runs"));
        WebElement run = driver.findElement(By.id("run-" + id));
        assertThat(run.getText()).contains("nothing to translate");
        assertThat(run.findElements(By.cssSelector(".bar.idle"))).isNotEmpty();
        assertThat(run.findElements(By.cssSelector(".bar:not(.idle)"))).isEmpty();
        assertThat(run.findElement(By.cssSelector("[role=progressbar]")).getAttribute("aria-valuetext")).isEqualTo("nothing to do");
        shots(driver, "runs");
    }

    @Test
    void anArticleThroughTheExpressLaneIsListedWithItsProgressPerLanguage() throws Exception {
        quiesce(runs);
        long before = runs.recentExpress(1).stream().mapToLong(r -> r.id()).max().orElse(0);
        Source door = sources.ensure("test:console-express", Source.Kind.API, "console express");
        ingestor.ingest(new IncomingArticle(door.id(), "test", "console-express-" + System.nanoTime(), null,
                "Le port de Sète accueille un nouveau ferry", null,
                "<p>Le port de Sète accueille depuis lundi un ferry qui relie la ville à Tanger deux fois par semaine.</p>",
                null, null, null, null));
        long id = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                runs.recentExpress(5).stream().filter(r -> r.id() > before && "COMPLETED".equals(r.status()))
                        .mapToLong(r -> r.id()).max().orElse(0), found -> found > 0);

        WebDriver driver = operator();
        driver.get(url("/console/runs"));
        WebElement run = driver.findElement(By.id("express-run-" + id));
        assertThat(run.findElement(By.cssSelector(".status")).getText()).isEqualTo("completed");
        List<WebElement> counts = run.findElements(By.cssSelector(".lang .count"));
        assertThat(counts).as("one bar per language").hasSize(5);
        assertThat(counts).allSatisfy(count -> assertThat(count.getText()).isEqualTo("1 / 1"));
        assertThat(driver.findElement(By.id("express-waiting")).getText()).contains("Waiting for the lane: 0");
        shots(driver, "runs-express");
    }

    @Test
    void aRetriedDeadLetterThatFailsAgainLinksToItsEarlierAttempt() throws Exception {
        String english = "The council met on Tuesday\nThe city council approved the new budget on Tuesday evening after a "
                + "long debate about the tramway extension and the school canteens.";
        long first = deadLetters.record("inbox/council-again.txt", "not French (en)",
                english.getBytes(StandardCharsets.UTF_8), "text/plain");
        WebDriver driver = operator();
        driver.get(url("/console/dead-letters?q=council-again"));
        submit(driver, driver.findElement(By.cssSelector("#dead-" + first + " button.retry")));
        assertThat(driver.findElement(By.id("message")).getText()).contains("#" + first);
        DeadLetter again = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.recent(50).stream()
                .filter(l -> l.origin().equals("inbox/council-again.txt")).findFirst().orElse(null), l -> l != null);
        assertThat(again.retryOf()).isEqualTo(first);
        driver.get(url("/console/dead-letters?q=council-again"));
        WebElement row = driver.findElement(By.id("dead-" + again.id()));
        assertThat(row.findElement(By.cssSelector(".attempts")).getText()).contains("attempt 2").contains("#" + first);
        assertThat(driver.findElements(By.id("dead-" + first))).isEmpty();   // retried: out of the waiting list
        submit(driver, driver.findElement(By.cssSelector("#dead-" + again.id() + " button.discard")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Discard dead letter #" + again.id());
        driver.findElement(By.id("confirm-cancel")).click();
        row = driver.findElement(By.id("dead-" + again.id()));
        row.findElement(By.cssSelector("a.earlier")).click();
        WebElement earlier = driver.findElement(By.id("dead-" + first));
        assertThat(earlier.getText()).contains("retried").contains("failed again as #" + again.id());
        shots(driver, "dead-letters");
    }

    // --- the UI language ---

    @Test
    void actionMessagesSpeakTheUiLanguage() throws Exception {
        Source source = sources.register("http://127.0.0.1:9/langue.xml", Source.Kind.FEED, "Langue", 900);
        WebDriver driver = operator();
        try {
            driver.get(url("/console/sources?ui=fr"));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            submit(driver, driver.findElement(By.cssSelector("#source-" + source.id() + " button.pause")));
            assertThat(driver.findElement(By.id("message")).getText()).isEqualTo("La source n° " + source.id() + " est en pause.");
            driver.get(url("/console/sources?ui=es"));
            submit(driver, driver.findElement(By.cssSelector("#source-" + source.id() + " button.pause")));
            assertThat(driver.findElement(By.id("message")).getText()).isEqualTo("La fuente n.º " + source.id() + " vuelve a consultarse.");
            shots(driver, "sources-es");
        } finally {
            driver.get(url("/console?ui=en"));
        }
    }

    @Test
    void everyOtherConsolePageFitsADeskAndAPhone() throws Exception {
        WebDriver driver = operator();
        for (String[] page : List.of(new String[] {"/console", "home"}, new String[] {"/console/sources", "sources"},
                new String[] {"/console/users", "users"}, new String[] {"/console/glossary", "glossary"})) {
            driver.get(url(page[0]));
            shots(driver, page[1]);
        }
        Source any = sources.findAll().get(0);
        driver.get(url("/console/sources/" + any.id()));
        shots(driver, "source");
    }

    // --- metrics where operators look ---

    @Test
    void prometheusReadsTheSeriesWithAnAdministratorOrTheScrapeTokenNeverAnonymously() {
        anonymousGet(url("/feeds/es/rss.xml"));
        assertThat(anonymousGet(url("/actuator/prometheus")).statusCode()).isEqualTo(401);
        var scraped = get("/actuator/prometheus");
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("relais_dead_letters").contains("relais_feed_requests_total{");
        var withToken = send(java.net.http.HttpRequest.newBuilder(URI.create(url("/actuator/prometheus")))
                .header("Authorization", "Bearer test-scrape-token").build());
        assertThat(withToken.statusCode()).isEqualTo(200);
        var wrongToken = send(java.net.http.HttpRequest.newBuilder(URI.create(url("/actuator/prometheus")))
                .header("Authorization", "Bearer not-the-token").build());
        assertThat(wrongToken.statusCode()).isIn(401, 403);
        // the token opens the scrape endpoint only
        var elsewhere = send(java.net.http.HttpRequest.newBuilder(URI.create(url("/api/sources")))
                .header("Authorization", "Bearer test-scrape-token").build());
        assertThat(elsewhere.statusCode()).isIn(401, 403);
    }
}
