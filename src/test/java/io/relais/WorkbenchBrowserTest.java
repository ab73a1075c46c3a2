package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
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

import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.publish.FeedPublisher;
import io.relais.publish.internal.FeedDocuments;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;

/**
 * The editor's workbench in a real headless Chromium, for each promise of issue 20's items 1 and 2: an expired
 * session loses nothing, a suggestion applies to the text on screen only, re-translating asks and keeps the draft,
 * an approval can be undone and the feed follows, two editors on one segment get a merge choice, and an approval
 * from the queue shows what it publishes and asks once. Screenshots go to target/screenshots/.
 */
class WorkbenchBrowserTest extends ReviewBrowserFixture {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ServletWebServerApplicationContext server;

    @Autowired
    FeedPublisher publisher;

    @Autowired
    FeedDocuments documents;

    @Autowired
    QualityCheckFault checks;

    @BeforeEach
    void editors() {
        editor("sofia", "es");
        editor("iker", "es");
    }

    WebDriver browser(String user) {
        return browser("es", user, password(user));
    }

    void signIn(WebDriver driver, String user) {
        signIn(driver, user, password(user));
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

    /**
     * Waits until the page says everything is saved (no cell waiting, none in flight; a busy machine running the
     * suite may take its time).
     */
    static void saved(WebDriver driver) {
        await().atMost(Duration.ofSeconds(120)).until(() -> (Boolean) js(driver,
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
            screenshot(driver, "workbench-failed");
            throw new AssertionError(e.getMessage() + "\nbrowser console:\n" + HeadlessChromium.console(driver), e);
        }
    }

    @Test
    void aSuggestionMadeAfterASaveIsAppliedAtItsPlaceAndAStaleOneIsNot() throws Exception {
        long id = toReview("La mairie pose la première pierre",
                "<p>Aujourd'hui dispersés dans la ville, les habitants fêtent la pose de la première pierre.</p>",
                "El ayuntamiento coloca la primera piedra",
                "<p>Hoy dispersos en la ciudad, los vecinos celebran la colocasion de la primera piedra.</p>");
        WebDriver driver = browser("sofia");
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
            // (the side re-renders as checks come back: a button read as it is replaced is read again)
            WebElement fix = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> driver.findElements(
                    By.cssSelector(".cell[data-key='body:0'] .cell-side button.act")).stream()
                    .filter(b -> b.getText().contains("colocación")).findFirst().orElse(null), b -> b != null);
            @SuppressWarnings("unchecked")
            List<String> marked = (List<String>) js(driver,
                    "return [...CSS.highlights.get('wb-spelling') || []].map(r => r.toString());");
            assertThat(marked).contains("colocasion");
            screenshot(driver, "workbench-suggestion");
            fix.click();
            assertThat(cellHtml(driver, "body:0")).isEqualTo(
                    "<p>Hoy, repartidos en la ciudad, los vecinos celebran la colocación de la primera piedra.</p>");
            saved(driver);
            assertThat(draftBody(id)).contains("celebran la colocación de la primera piedra");

            // a suggestion of an earlier text is never written at its old offsets
            select(driver, body, "primera");
            new Actions(driver).sendKeys("primerisima").perform();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> driver.findElements(
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
    void theKeysMoveToTheNextDoubtfulSegmentAcceptASuggestionConfirmAndCopyTheFrenchAndAFixIsOfferedInTheOtherSegments()
            throws Exception {
        long id = toReview("Vols de vélos à Saint-Brieuc",
                "<p>Le vol de vélos a augmenté à Saint-Brieuc.</p>\n<p>Un nouveau vol de vélos a eu lieu hier.</p>\n"
                        + "<p>Les habitants fêtent la pose de la première pierre.</p>",
                "Vuelos de bicicletas en Saint-Brieuc",
                "<p>El vuelo de bicicletas ha aumentado en Saint-Brieuc.</p>\n<p>Un nuevo vuelo de bicicletas ha tenido "
                        + "lugar ayer.</p>\n<p>Los vecinos celebran la colocasion de la primera piedra.</p>");
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            driver.get("http://localhost:" + port + "/review/items/" + id);
            await().atMost(Duration.ofSeconds(60)).until(() -> driver.findElement(By.cssSelector(".cell[data-key='body:2']"))
                    .getAttribute("class").contains("doubtful"));
            // Alt+Shift+↓ from the title: the first doubtful segment after it
            editor(driver, "title").click();
            new Actions(driver).keyDown(Keys.ALT).keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_DOWN).keyUp(Keys.SHIFT)
                    .keyUp(Keys.ALT).perform();
            assertThat(js(driver, "const keys = window.relaisWorkbench.cells.map(c => c.key);"
                    + "const doubtful = window.relaisWorkbench.cells.filter(c => c.key !== 'title'"
                    + " && c.el.classList.contains('doubtful')).map(c => c.key);"
                    + "return [document.activeElement.closest('.cell').dataset.key, doubtful[0]];"))
                    .isEqualTo(List.of("body:2", "body:2"));
            // Ctrl+Shift+<n>: the numbered suggestion, here the spelling fix
            shortcut(driver, numbered(driver, "body:2", "colocación"));
            await().atMost(Duration.ofSeconds(10)).until(() -> cellHtml(driver, "body:2").contains("celebran la colocación"));
            saved(driver);

            // a fix made once: "vuelo" is a theft where the French says "vol"
            select(driver, editor(driver, "body:0"), "vuelo");
            new Actions(driver).sendKeys("robo").perform();
            saved(driver);
            // Alt+↓: the next segment, where the same words are offered the same fix at once
            new Actions(driver).keyDown(Keys.ALT).sendKeys(Keys.ARROW_DOWN).keyUp(Keys.ALT).perform();
            assertThat(js(driver, "return document.activeElement.closest('.cell').dataset.key;")).isEqualTo("body:1");
            int offered = await().atMost(Duration.ofSeconds(30)).until(() -> numbered(driver, "body:1", "robo"), n -> n > 0);
            assertThat(driver.findElement(By.cssSelector(".cell[data-key='body:1'] .cell-side")).getText())
                    .contains("sofia");
            screenshot(driver, "workbench-propagation");
            shortcut(driver, offered);
            await().atMost(Duration.ofSeconds(10)).until(() -> cellHtml(driver, "body:1").contains("Un nuevo robo de bicicletas"));
            // Ctrl+Enter: confirmed (saved first), and on to the next unconfirmed segment
            new Actions(driver).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            await().atMost(Duration.ofSeconds(30)).until(() -> "confirmed".equals(driver.findElement(
                    By.cssSelector(".cell[data-key='body:1']")).getAttribute("data-state")));
            await().atMost(Duration.ofSeconds(10)).until(() -> "body:2".equals(
                    js(driver, "return document.activeElement.closest('.cell')?.dataset.key;")));
            assertThat(draftBody(id)).contains("<p>Un nuevo robo de bicicletas ha tenido lugar ayer.</p>");

            // Ctrl+Shift+S in the title: the French copied in (a name left as it is, for one)
            editor(driver, "title").click();
            new Actions(driver).keyDown(Keys.CONTROL).keyDown(Keys.SHIFT).sendKeys("s").keyUp(Keys.SHIFT)
                    .keyUp(Keys.CONTROL).perform();
            assertThat(editor(driver, "title").getText()).isEqualTo("Vols de vélos à Saint-Brieuc");
            saved(driver);
            assertThat(jdbc.sql("select title from review_draft where translation_id = ?").param(id).query(String.class)
                    .single()).isEqualTo("Vols de vélos à Saint-Brieuc");
            // the French copied in is no fix: the title teaches nothing ("Vuelos de bicicletas en" → "Vols de vélos à"
            // would be offered in later articles), the body's "vuelo → robo" is still learned
            String taught = "select editor_words from learned_fix where translation_id = ? and field = ?";
            assertThat(jdbc.sql(taught).params(id, "title").query(String.class).list()).isEmpty();
            assertThat(jdbc.sql(taught).params(id, "body").query(String.class).list()).contains("robo");
            return null;
        });
    }

    @Test
    void theBeginningOfAWordTypedOffersTheWholeWordUnderTheCaretTabWritesItAndEscHidesIt() throws Exception {
        long id = toReview("Le maire de Quimperlé inaugure la médiathèque",
                "<p>Le maire de Quimperlé a inauguré la médiathèque samedi.</p>",
                "El alcalde de Quimperlé inaugura la mediateca",
                "<p>El alcalde de Quimperlé ha inaugurado la mediateca sábado.</p>");
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            driver.get("http://localhost:" + port + "/review/items/" + id);
            await().atMost(Duration.ofSeconds(60)).until(() -> (Boolean) js(driver, "return !!window.relaisWorkbench;"));
            WebElement hint = driver.findElement(By.id("completion"));
            // "sábado" wants its article: the editor retypes it, and after "sáb" the word is offered
            select(driver, editor(driver, "body:0"), "sábado");
            new Actions(driver).sendKeys("el sáb").perform();
            await().atMost(Duration.ofSeconds(10)).until(() -> hint.isDisplayed() && hint.getText().startsWith("sábado"));
            screenshot(driver, "workbench-completion");
            assertThat((Boolean) js(driver, "const r = arguments[0].getBoundingClientRect();"
                    + "return r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;", hint))
                    .as("the list is inside the window").isTrue();
            new Actions(driver).sendKeys(Keys.TAB).perform();
            await().atMost(Duration.ofSeconds(10)).until(() -> cellHtml(driver, "body:0").contains("la mediateca el sábado.</p>"));
            assertThat(hint.isDisplayed()).isFalse();
            // Tab wrote the word and stayed in the cell, which saves it as any typing
            assertThat(js(driver, "return document.activeElement.closest('.cell')?.dataset.key;")).isEqualTo("body:0");
            saved(driver);
            assertThat(draftBody(id)).contains("la mediateca el sábado.");

            // a phone, the cell at the bottom of the window: the list is shown above the caret, inside the window
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 700));
            js(driver, "const e = arguments[0]; window.scrollBy(0, e.getBoundingClientRect().bottom - window.innerHeight + 4);",
                    editor(driver, "body:0"));
            typeAtEnd(driver, editor(driver, "body:0"), " sáb");
            await().atMost(Duration.ofSeconds(10)).until(() -> hint.isDisplayed() && hint.getText().startsWith("sábado"));
            assertThat((Boolean) js(driver, "const r = arguments[0].getBoundingClientRect();"
                    + "return r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;", hint))
                    .as("the list is inside the phone's window").isTrue();
            new Actions(driver).sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE).perform();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));

            // a name of the French, started in lower case: offered with its capital, and written so
            typeAtEnd(driver, editor(driver, "title"), " en quimp");
            await().atMost(Duration.ofSeconds(10)).until(() -> hint.isDisplayed() && hint.getText().startsWith("Quimperlé"));
            new Actions(driver).sendKeys(Keys.TAB).perform();
            await().atMost(Duration.ofSeconds(10)).until(() -> cellHtml(driver, "title").endsWith(" en Quimperlé"));

            // Esc hides the list and stays in the cell; with nothing offered, Tab is Tab again: the focus moves on
            new Actions(driver).sendKeys(" pro").perform();
            await().atMost(Duration.ofSeconds(10)).until(hint::isDisplayed);
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            assertThat(hint.isDisplayed()).isFalse();
            assertThat(js(driver, "return document.activeElement.closest('.cell')?.dataset.key;")).isEqualTo("title");
            new Actions(driver).sendKeys(Keys.TAB).perform();
            assertThat(js(driver, "return document.activeElement.closest('.cell')?.dataset.key ?? null;"))
                    .isNotEqualTo("title");
            assertThat(cellHtml(driver, "title")).endsWith(" en Quimperlé pro");

            // ↓ chooses the next word of the list, Enter takes it as Tab does
            typeAtEnd(driver, editor(driver, "title"), "b");
            await().atMost(Duration.ofSeconds(10)).until(() -> hint.isDisplayed()
                    && driver.findElements(By.cssSelector("#completion li")).size() > 1);
            String second = (String) js(driver, "return window.relaisWorkbench.completion.words[1];");
            new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
            assertThat(driver.findElement(By.cssSelector("#completion li[aria-selected=true]")).getText()).startsWith(second);
            // the cell keeps the focus and tells assistive technology which word is chosen
            assertThat(editor(driver, "title").getAttribute("aria-activedescendant")).isEqualTo("completion-1");
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            await().atMost(Duration.ofSeconds(10)).until(() -> cellHtml(driver, "title").endsWith(" en Quimperlé " + second));
            return null;
        });
    }

    @Test
    void anIssueIsDismissedWithAReasonThatIsRecordedItStaysDismissedAndTakenBackItComesBackAndStaysBack() throws Exception {
        long id = toReview("La mairie pose la première pierre",
                "<p>Les habitants fêtent la pose de la première pierre.</p>",
                "El ayuntamiento coloca la primera piedra",
                "<p>Los vecinos celebran la colocasion de la primera piedra.</p>");
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            String item = "http://localhost:" + port + "/review/items/" + id;
            driver.get(item);
            By issue = By.xpath("//article[@data-key='body:0']//li[contains(@class,'issue')][contains(., 'colocasion')]");
            await().atMost(Duration.ofSeconds(60)).until(() -> !driver.findElements(issue).isEmpty());
            driver.findElement(issue).findElement(By.cssSelector("button.dismiss")).click();
            WebElement reason = driver.findElement(By.cssSelector(".cell[data-key='body:0'] input.dismiss-reason"));
            assertThat(driver.switchTo().activeElement()).isEqualTo(reason);
            // no reason, nothing sent
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            assertThat(jdbc.sql("select count(*) from issue_dismissal where article_id = (select article_id from"
                    + " translation where id = ?)").param(id).query(Integer.class).single()).isZero();
            new Actions(driver).sendKeys("grafía del cartel de la obra", Keys.ENTER).perform();
            await().atMost(Duration.ofSeconds(30)).until(() -> driver.findElements(issue).isEmpty());
            WebElement side = driver.findElement(By.cssSelector(".cell[data-key='body:0'] .cell-side"));
            assertThat(side.findElement(By.tagName("summary")).getText()).contains("1");
            assertThat(jdbc.sql("select username || ': ' || reason from issue_dismissal where flagged = 'colocasion'"
                    + " and article_id = (select article_id from translation where id = ?)").param(id)
                    .query(String.class).single()).isEqualTo("sofia: grafía del cartel de la obra");
            // opened again (and after an edit elsewhere in the segment), it stays dismissed
            driver.get(item);
            typeAtEnd(driver, editor(driver, "body:0"), " Hoy.");
            saved(driver);
            await().atMost(Duration.ofSeconds(60)).until(() -> (Boolean) js(driver,
                    "const c = window.relaisWorkbench.cells.find(c => c.key === 'body:0');"
                            + "return c.reportText === c.html();"));
            assertThat(driver.findElements(issue)).isEmpty();
            side = driver.findElement(By.cssSelector(".cell[data-key='body:0'] .cell-side"));
            side.findElement(By.tagName("summary")).click();
            assertThat(side.getText()).contains("sofia: grafía del cartel de la obra");

            // taken back (↺): the issue comes back at once, and stays back when the item is opened again
            side.findElement(By.xpath(".//details//button[normalize-space()='↺']")).click();
            await().atMost(Duration.ofSeconds(30)).until(() -> !driver.findElements(issue).isEmpty());
            assertThat(jdbc.sql("select count(*) from issue_dismissal where flagged = 'colocasion' and article_id ="
                    + " (select article_id from translation where id = ?)").param(id).query(Integer.class).single()).isZero();
            assertThat(driver.findElements(By.cssSelector(".cell[data-key='body:0'] .cell-side details"))).isEmpty();
            driver.get(item);
            await().atMost(Duration.ofSeconds(60)).until(() -> !driver.findElements(issue).isEmpty());
            assertThat(driver.findElement(issue).findElements(By.cssSelector("button.dismiss"))).hasSize(1);
            return null;
        });
    }

    @Test
    void aFixApprovedInOneArticleIsOfferedAsASuggestionInALaterOneSayingWhoMadeIt() throws Exception {
        long first = toReview("Vols de vélos à Lannion", "<p>Le vol de vélos a augmenté à Lannion.</p>",
                "Vuelos de bicicletas en Lannion", "<p>El vuelo de bicicletas ha aumentado en Lannion.</p>");
        long later = toReview("Une gare sous surveillance", "<p>Un vol a eu lieu hier à la gare.</p>",
                "Una estación bajo vigilancia", "<p>Un vuelo ha tenido lugar ayer en la estación.</p>");
        WebDriver driver = browser("iker");
        orConsole(driver, () -> {
            driver.get("http://localhost:" + port + "/review/items/" + first);
            select(driver, editor(driver, "body:0"), "vuelo");
            new Actions(driver).sendKeys("robo").perform();
            saved(driver);
            driver.findElement(By.id("approve")).click();
            await().atMost(Duration.ofSeconds(20)).until(() -> translations.findById(first).orElseThrow().state()
                    == TranslationState.APPROVED);
            // another article, where the French says "vol" and the machine "vuelo" again: offered, not applied
            driver.get("http://localhost:" + port + "/review/items/" + later);
            editor(driver, "body:0").click();
            int offered = await().atMost(Duration.ofSeconds(30)).until(() -> numbered(driver, "body:0", "robo"), n -> n > 0);
            assertThat(cellHtml(driver, "body:0")).contains("Un vuelo");
            assertThat(driver.findElement(By.cssSelector(".cell[data-key='body:0'] .cell-side")).getText()).contains("iker");
            shortcut(driver, offered);
            await().atMost(Duration.ofSeconds(10)).until(() -> cellHtml(driver, "body:0")
                    .equals("<p>Un robo ha tenido lugar ayer en la estación.</p>"));
            saved(driver);
            return null;
        });
    }

    @Test
    void aWordAddedToTheNewsroomDictionaryIsNoLongerASpellingErrorHereOrInAnotherArticle() throws Exception {
        // a name the editor wrote that the French segment does not have (it says "the town")
        long id = toReview("Une commune fête sa nouvelle école",
                "<p>Les habitants de la commune fêtent la première pierre.</p>",
                "Un municipio celebra su nueva escuela", "<p>Los vecinos de Plouzané celebran la primera piedra.</p>");
        long other = toReview("La mairie ouvre le dimanche", "<p>La mairie ouvre le dimanche matin.</p>",
                "El ayuntamiento abre el domingo", "<p>El ayuntamiento de Plouzané abre el domingo por la mañana.</p>");
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            By issue = By.xpath("//article[@data-key='body:0']//li[contains(@class,'issue')][contains(., 'Plouzané')]");
            driver.get("http://localhost:" + port + "/review/items/" + id);
            await().atMost(Duration.ofSeconds(60)).until(() -> !driver.findElements(issue).isEmpty());
            driver.findElement(issue).findElement(By.cssSelector("button.add-word")).click();
            await().atMost(Duration.ofSeconds(30)).until(() -> driver.findElements(issue).isEmpty());
            assertThat(jdbc.sql("select added_by from newsroom_word where lang = 'es' and word = 'Plouzané'")
                    .query(String.class).single()).isEqualTo("sofia");
            // another article of the language: not flagged either
            driver.get("http://localhost:" + port + "/review/items/" + other);
            await().atMost(Duration.ofSeconds(60)).until(() -> (Boolean) js(driver,
                    "const c = window.relaisWorkbench.cells.find(c => c.key === 'body:0');"
                            + "return c.reportText === c.html();"));
            assertThat(driver.findElements(issue)).isEmpty();
            return null;
        });
    }

    /** The number (1-9) of a cell's action that writes {@code replacement}, 0 if none is offered. */
    static int numbered(WebDriver driver, String key, String replacement) {
        return ((Number) js(driver, "const c = window.relaisWorkbench.cells.find(c => c.key === arguments[0]);"
                + "if (c.side.classList.contains('stale')) return 0;"
                + "return c.actions.findIndex(a => a.replacement === arguments[1]) + 1;", key, replacement)).intValue();
    }

    /** Ctrl+Shift+{@code n}: the numbered suggestion of the segment being edited. */
    static void shortcut(WebDriver driver, int n) {
        assertThat(n).as("a numbered suggestion").isBetween(1, 9);
        new Actions(driver).keyDown(Keys.CONTROL).keyDown(Keys.SHIFT).sendKeys(String.valueOf(n)).keyUp(Keys.SHIFT)
                .keyUp(Keys.CONTROL).perform();
    }

    /**
     * Opens the item, lets the session expire and types at the end of the first body segment: the save meets the
     * expired session, and the page says so (the dialog, once shown) and keeps the text.
     */
    WebElement typeAfterTheSessionExpired(WebDriver driver, String item, String typed) throws Exception {
        driver.get(item);
        expireSession(driver);
        typeAtEnd(driver, editor(driver, "body:0"), typed);
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> driver.findElement(By.id("expired")), WebElement::isDisplayed);
    }

    @Test
    void anExpiredSessionLosesNothingTheEditorSignsInAgainAndTheTextComesBack() throws Exception {
        long id = toReview("Le pont de Millau fermé pour travaux", "<p>Le pont est fermé jusqu'à lundi.</p>",
                "El puente de Millau cerrado por obras", "<p>El puente está cerrado hasta el lunes.</p>");
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            String item = "http://localhost:" + port + "/review/items/" + id;
            WebElement dialog = typeAfterTheSessionExpired(driver, item, " Las obras duran tres días.");
            assertThat(dialog.getText()).contains("Your session has expired");
            screenshot(driver, "workbench-expired");
            assertThat(draftBody(id)).isNull();
            assertThat((String) js(driver, "return localStorage.getItem('relais-workbench-sofia-' + arguments[0]);", id))
                    .contains("Las obras duran tres días.");
            driver.findElement(By.id("sign-in-again")).click();
            await().atMost(Duration.ofSeconds(20)).until(() -> driver.getCurrentUrl().contains("/login"));
            signIn(driver, "sofia");
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

    @Test
    void aSaveWithTheTokenOfASessionThatIsGoneIsHandledAsAnExpiredSession() throws Exception {
        long id = toReview("Le festival de Lorient commence", "<p>Le festival commence vendredi.</p>",
                "El festival de Lorient empieza", "<p>El festival empieza el viernes.</p>");
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            driver.get("http://localhost:" + port + "/review/items/" + id);
            // the page's token no longer matches the session, as after signing in again in another tab
            js(driver, "document.getElementById('workbench').dataset.csrf = 'a-token-of-a-session-gone';");
            typeAtEnd(driver, editor(driver, "body:0"), " Dura tres días.");
            WebElement dialog = await().atMost(Duration.ofSeconds(20)).until(
                    () -> driver.findElement(By.id("expired")), WebElement::isDisplayed);
            assertThat(dialog.getText()).contains("Sign in again");
            assertThat(draftBody(id)).isNull();
            assertThat((String) js(driver, "return localStorage.getItem('relais-workbench-sofia-' + arguments[0]);", id))
                    .contains("Dura tres días.");
            return null;
        });
    }

    @Test
    void onASharedComputerWhatOneEditorsBrowserKeptIsNotRestoredUnderAnothersName() throws Exception {
        long id = toReview("Le phare d'Eckmühl rouvre au public", "<p>Le phare rouvre samedi.</p>",
                "El faro de Eckmühl reabre al público", "<p>El faro reabre el sábado.</p>");
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            String item = "http://localhost:" + port + "/review/items/" + id;
            typeAfterTheSessionExpired(driver, item, " Sofia lo escribió.");
            // sofia leaves the computer; iker signs in on it and opens the same item
            driver.get("http://localhost:" + port + "/login");
            signIn(driver, "iker");
            driver.get(item);
            await().atMost(Duration.ofSeconds(20)).until(() -> editor(driver, "body:0").isDisplayed());
            assertThat(driver.findElements(By.id("restored"))).isEmpty();
            assertThat(editor(driver, "body:0").getText()).isEqualTo("El faro reabre el sábado.");
            assertThat(draftBody(id)).isNull();
            // sofia comes back: her text is there for her
            driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
            signIn(driver, "sofia");
            driver.get(item);
            await().atMost(Duration.ofSeconds(20)).until(() -> !driver.findElements(By.id("restored")).isEmpty());
            assertThat(editor(driver, "body:0").getText()).isEqualTo("El faro reabre el sábado. Sofia lo escribió.");
            saved(driver);
            assertThat(draftBody(id)).isEqualTo("<p>El faro reabre el sábado. Sofia lo escribió.</p>");
            return null;
        });
    }

    @Test
    void aMemorySearchAfterTheSessionExpiredSaysSoAndDoesNotPutTheSignInPageInTheWorkbench() throws Exception {
        long id = toReview("Le tramway de Brest prolongé", "<p>Le tramway ira jusqu'au port.</p>",
                "El tranvía de Brest prolongado", "<p>El tranvía irá hasta el puerto.</p>");
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            driver.get("http://localhost:" + port + "/review/items/" + id);
            expireSession(driver);
            WebElement words = driver.findElement(By.id("tm"));
            words.sendKeys("tranvía");
            words.sendKeys(Keys.ENTER);
            // the search meets the expired session: the page says so, as a save would, and the box stays for later
            WebElement dialog = await().atMost(Duration.ofSeconds(20)).until(
                    () -> driver.findElement(By.id("expired")), WebElement::isDisplayed);
            assertThat(dialog.getText()).contains("Your session has expired");
            WebElement box = driver.findElement(By.id("concordance"));
            assertThat(box.getText()).isNotBlank();
            assertThat(driver.findElements(By.cssSelector("input[type=password]")))
                    .as("no sign-in form inside the workbench").isEmpty();
            assertThat(driver.findElements(By.tagName("h1"))).hasSize(1);
            return null;
        });
    }

    @Test
    void reTranslatingAsksFirstAndKeepsTheDraftAsAVersionThatCanBeBroughtBack() throws Exception {
        long id = toReview("Le marché de Brive ouvre le dimanche", "<p>Le marché ouvre à huit heures.</p>",
                "El mercado de Brive abre el domingo", "<p>El mercado abre a las ocho.</p>");
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            driver.get("http://localhost:" + port + "/review/items/" + id);
            typeAtEnd(driver, editor(driver, "body:0"), " Los puestos se montan antes.");
            saved(driver);
            String draft = "<p>El mercado abre a las ocho. Los puestos se montan antes.</p>";
            int version = translations.findById(id).orElseThrow().version();
            assertThat(draftBody(id)).isEqualTo(draft);
            driver.findElement(By.id("retranslate")).click();
            WebElement dialog = await().atMost(Duration.ofSeconds(10)).until(() -> driver.findElement(By.id("dialog")),
                    WebElement::isDisplayed);
            assertThat(dialog.getText()).contains("Re-translate with apertium?").contains("history");
            screenshot(driver, "workbench-retranslate-asks");
            // Cancel changes nothing
            driver.findElement(By.id("dialog-cancel")).click();
            assertThat(draftBody(id)).isEqualTo(draft);
            assertThat(translations.findById(id).orElseThrow().version()).isEqualTo(version);
            driver.findElement(By.id("retranslate")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> driver.findElement(By.id("dialog-ok")), WebElement::isDisplayed).click();
            await().atMost(Duration.ofSeconds(60)).until(() -> !driver.findElements(By.cssSelector("#message")).isEmpty());
            assertThat(draftBody(id)).isNull();
            assertThat(translations.findById(id).orElseThrow().body()).doesNotContain("Los puestos");
            // the history has the draft, and brings it back
            WebElement kept = driver.findElements(By.cssSelector("#history li.version[data-kind=DRAFT]")).get(0);
            assertThat(driver.findElement(By.id("history")).getText()).contains("re-translated").contains("draft")
                    .contains("machine translation");
            kept.findElement(By.tagName("summary")).click();
            assertThat(kept.findElement(By.cssSelector(".version-text")).getText()).contains("Los puestos se montan antes.");
            kept.findElement(By.cssSelector("button.revert")).click();
            await().atMost(Duration.ofSeconds(20)).until(() -> draft.equals(draftBody(id)));
            assertThat(editor(driver, "body:0").getText()).isEqualTo("El mercado abre a las ocho. Los puestos se montan antes.");
            return null;
        });
    }

    @Test
    void anApprovalIsUndoneTheTranslationGoesBackToReviewAndTheFeedWithdrawsIt() throws Exception {
        long id = withAFigureMissing("Incendie au port de Sète", "<p>Trois bateaux ont brûlé cette nuit.</p>",
                "Incendio en el puerto de Sète", "<p>Barcos han quemado esta noche.</p>");
        long article = translations.findById(id).orElseThrow().articleId();
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            driver.get("http://localhost:" + port + "/review/items/" + id);
            select(driver, editor(driver, "body:0"), "Barcos han");
            new Actions(driver).sendKeys("Tres barcos se han").perform();
            WebElement title = editor(driver, "title");
            select(driver, title, "Incendio");
            new Actions(driver).sendKeys("Incendio nocturno").perform();
            saved(driver);
            approveInFeed(driver, id, article, "Incendio nocturno en el puerto de Sète");
            String approvedFixes = "select count(*) from learned_fix where translation_id = ? and approved = true";
            assertThat(jdbc.sql(approvedFixes).param(id).query(Integer.class).single()).as("fixes the approval taught")
                    .isPositive();
            // the next page says it is approved, with a way to undo it
            assertThat(driver.findElement(By.id("undo")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("message")).getText()).contains("Incendio nocturno en el puerto de Sète");
            screenshot(driver, "workbench-undo-offered");
            undoWithdrawn(driver, id, article, "Incendio nocturno en el puerto de Sète");
            // the editor's text stays, to review again; the history says what happened
            assertThat(translations.findById(id).orElseThrow().title()).isEqualTo("Incendio nocturno en el puerto de Sète");
            driver.get("http://localhost:" + port + "/review/items/" + id);
            assertThat(driver.findElement(By.id("history")).getText()).contains("approved").contains("sent back to review");
            // what the approval taught is no longer an approved translation's fix (still offered, after those)
            assertThat(jdbc.sql(approvedFixes).param(id).query(Integer.class).single()).isZero();
            return null;
        });
    }

    /**
     * A translation to review whose machine text lost the French's figure (a blocking issue): publishable under no
     * policy, only once an editor has put the figure back — so that going back to review withdraws it.
     */
    long withAFigureMissing(String frenchTitle, String frenchBody, String spanishTitle, String spanishBody) {
        Source source = sources.ensure("test:workbench-browser", Source.Kind.API, "workbench browser test");
        long article = articles.store(new NewArticle(source.id(), "wb-undo-" + System.nanoTime(), null, frenchTitle,
                null, frenchBody, null, null, null, null)).articleId();
        return translations.save(new TranslationResult(article, 1, "es", "apertium", "fr>es", spanishTitle, null,
                spanishBody, 40.0, 8, 0, TranslationState.NEEDS_REVIEW, "a figure is missing",
                List.of(new io.relais.translation.StoredIssue("numbers", "body", "NUMBER_MISSING",
                        "A figure of the French text is missing: 3", -1, -1, null, "error"))));
    }

    /** Approves the item open in the browser: approved, in the Atom feed and on its public article page. */
    void approveInFeed(WebDriver driver, long id, long article, String title) throws Exception {
        driver.findElement(By.id("approve")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> translations.findById(id).orElseThrow().state()
                == TranslationState.APPROVED);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> feed("es", "atom.xml").getEntries().stream()
                .anyMatch(e -> e.getTitle().equals(title)));
        await().atMost(Duration.ofSeconds(30)).until(() -> publicPage("/es/articles/" + article).contains(title));
    }

    /**
     * Undoes the approval from the message the next page shows: back to review, out of the Atom feed, and its article
     * page gone (410).
     */
    void undoWithdrawn(WebDriver driver, long id, long article, String title) throws Exception {
        driver.findElement(By.id("undo")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> translations.findById(id).orElseThrow().state()
                == TranslationState.NEEDS_REVIEW);
        // back where the undo was offered: the next item (#message) or, the queue being empty, the queue (#reopened)
        assertThat(driver.findElement(By.cssSelector("#message, #reopened")).getText()).contains("withdrawn");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> feed("es", "atom.xml").getEntries().stream()
                .noneMatch(e -> e.getTitle().equals(title)));
        // published once, withdrawn now: gone (not merely not found)
        await().atMost(Duration.ofSeconds(30)).until(() -> publicPage("/es/articles/" + article).equals("410"));
    }

    @Test
    void anUndoneApprovalIsInNoArchivePageWhenTheLanguagesArchiveFillsUpAfterIt() throws Exception {
        long id = withAFigureMissing("Le port de Douarnenez rouvre", "<p>Trois bateaux sont sortis ce matin.</p>",
                "El puerto de Douarnenez reabre", "<p>Barcos han salido esta mañana.</p>");
        long article = translations.findById(id).orElseThrow().articleId();
        String title = "El puerto de Douarnenez reabre";
        // the page being filled has room for the approval's versions: a page they completed would keep them, as the
        // editor's guide says (what the tests before this one published decides where the page stands; a round
        // first logs what they left publishable, which the approval's round would log with it)
        publisher.republish("es");
        long logged = jdbc.sql("select count(*) from feed_entry where feed = 'es' and withdrawn = false")
                .query(Long.class).single();
        long room = 50 - logged % 50;
        if (room < 10) {
            publishFillers((int) room);
        }
        WebDriver driver = browser("iker");
        orConsole(driver, () -> {
            driver.get("http://localhost:" + port + "/review/items/" + id);
            select(driver, editor(driver, "body:0"), "Barcos han");
            new Actions(driver).sendKeys("Tres barcos han").perform();
            saved(driver);
            approveInFeed(driver, id, article, title);
            undoWithdrawn(driver, id, article, title);
            return null;
        });
        // the language's archive page that holds the approval's entry fills up afterwards: it is served without it
        long complete = documents.archivePages("es");
        publishFillers(50);
        assertThat(documents.archivePages("es")).isGreaterThan(complete);
        String entry = "urn:relais:es:article:" + article + "<";
        for (long page = 1; page <= documents.archivePages("es"); page++) {
            for (String file : List.of("atom.xml", "rss.xml")) {
                String archive = publicPage("/feeds/es/archive/" + page + "/" + file);
                assertThat(archive).as("archive page %d %s", page, file).startsWith("<?xml").doesNotContain(entry)
                        .doesNotContain(title);
            }
        }
        assertThat(publicPage("/feeds/es/feed.json")).doesNotContain(title);
        assertThat(publicPage("/es/articles/" + article)).isEqualTo("410");
    }

    /** {@code n} machine-approved dispatches published in Spanish (the publication policy of the tests publishes them). */
    void publishFillers(int n) {
        Source source = sources.ensure("test:workbench-archive", Source.Kind.API, "workbench archive test");
        for (int i = 0; i < n; i++) {
            long filler = articles.store(new NewArticle(source.id(), "wb-archive-" + System.nanoTime(), null,
                    "Dépêche " + i, null, "<p>Dépêche " + i + ".</p>", null, null, null, null)).articleId();
            translations.save(new TranslationResult(filler, 1, "es", "apertium", "fr>es", "Despacho " + i, null,
                    "<p>Despacho " + i + ".</p>", 85.0, 3, 0, TranslationState.AUTO_APPROVED, null, List.of()));
        }
        publisher.republish("es");
    }

    @Test
    void twoEditorsOnOneItemNeverOverwriteEachOtherTheSecondChoosesAndNothingIsLost() throws Exception {
        long id = toReview("Le Tour de France passe par Albi", "<p>Les coureurs arrivent vers 15 heures.</p>",
                "El Tour de Francia pasa por Albi", "<p>Los corredores llegan hacia las 15 horas.</p>");
        WebDriver sofia = browser("sofia");
        WebDriver iker = browser("iker");
        String page = "http://localhost:" + port + "/review/items/" + id;
        sofia.get(page);
        iker.get(page);
        orConsole(iker, () -> {
            // different segments: both kept
            select(sofia, editor(sofia, "title"), "pasa por");
            new Actions(sofia).sendKeys("atraviesa").perform();
            saved(sofia);
            // the same segment: sofia saves first
            select(sofia, editor(sofia, "body:0"), "hacia las 15 horas");
            new Actions(sofia).sendKeys("sobre las tres de la tarde").perform();
            saved(sofia);
            select(iker, editor(iker, "body:0"), "Los corredores");
            new Actions(iker).sendKeys("Los ciclistas").perform();
            // iker's save meets sofia's text: a choice, not an overwrite
            WebElement conflict = await().atMost(Duration.ofSeconds(30)).until(
                    () -> iker.findElement(By.cssSelector(".cell[data-key='body:0'] .conflict")), WebElement::isDisplayed);
            assertThat(conflict.getText()).contains("sofia")
                    .contains("Los corredores llegan sobre las tres de la tarde.")
                    .contains("Los ciclistas llegan hacia las 15 horas.");
            screenshot(iker, "workbench-merge-choice");
            assertThat(draftBody(id)).isEqualTo("<p>Los corredores llegan sobre las tres de la tarde.</p>");
            // iker's text is in the history already, whatever iker chooses
            assertThat(jdbc.sql("select count(*) from review_version where translation_id = ? and kind = 'CONFLICT'"
                    + " and body like '%Los ciclistas llegan hacia%'").param(id).query(Integer.class).single()).isEqualTo(1);
            // iker keeps their own words and takes sofia's time: an edit of the merge
            conflict.findElement(By.cssSelector("button.keep-theirs")).click();
            select(iker, editor(iker, "body:0"), "Los corredores");
            new Actions(iker).sendKeys("Los ciclistas").perform();
            saved(iker);
            assertThat(draftBody(id)).isEqualTo("<p>Los ciclistas llegan sobre las tres de la tarde.</p>");
            String title = jdbc.sql("select title from review_draft where translation_id = ?").param(id)
                    .query(String.class).single();
            assertThat(title).isEqualTo("El Tour de Francia atraviesa Albi");
            // sofia's page learns of iker's change at its next save, where sofia is not editing
            typeAtEnd(sofia, editor(sofia, "title"), " hoy");
            saved(sofia);
            await().atMost(Duration.ofSeconds(20)).until(() -> editor(sofia, "body:0").getText()
                    .equals("Los ciclistas llegan sobre las tres de la tarde."));
            return null;
        });
    }

    @Test
    void approvingFromTheQueueShowsWhatWillBePublishedAsksOnceAndCanBeUndone() throws Exception {
        Source source = sources.ensure("test:workbench-queue", Source.Kind.API, "workbench queue");
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            long article = articles.store(new NewArticle(source.id(), "wb-queue-" + i + "-" + System.nanoTime(), null,
                    "Brève " + i, null, "<p>Texte de la brève " + i + ".</p>", null, null, null, null)).articleId();
            ids.add(translations.save(new TranslationResult(article, 1, "es", "apertium", "fr>es", "Breve " + i, null,
                    "<p>Texto de la breve " + i + ".</p>", 50.0, 6, 0, TranslationState.NEEDS_REVIEW, "review", List.of())));
        }
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            // a draft on the first one: the queue says so, and approving it publishes the draft
            driver.get("http://localhost:" + port + "/review/items/" + ids.get(0));
            typeAtEnd(driver, editor(driver, "body:0"), " Con borrador.");
            saved(driver);
            String queue = "http://localhost:" + port + "/review/es?source=" + source.id();
            driver.get(queue);
            assertThat(driver.findElement(By.cssSelector("#queue tr.row")).getText()).contains("draft by sofia");
            new Actions(driver).sendKeys("a").perform();
            WebElement dialog = await().atMost(Duration.ofSeconds(10)).until(
                    () -> driver.findElement(By.id("approve-dialog")), WebElement::isDisplayed);
            assertThat(dialog.getText()).contains("Approve and publish?").contains("Breve 1")
                    .contains("Texto de la breve 1. Con borrador.").contains("includes the draft of sofia");
            screenshot(driver, "workbench-queue-ask");
            // Escape: nothing happens
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            assertThat(translations.findById(ids.get(0)).orElseThrow().state()).isEqualTo(TranslationState.NEEDS_REVIEW);
            // a again, Enter: approved, with the draft's text
            new Actions(driver).sendKeys("a").perform();
            await().atMost(Duration.ofSeconds(10)).until(() -> driver.findElement(By.id("confirm-approve")), WebElement::isDisplayed);
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            await().atMost(Duration.ofSeconds(20)).until(() -> translations.findById(ids.get(0)).orElseThrow().state()
                    == TranslationState.APPROVED);
            assertThat(translations.findById(ids.get(0)).orElseThrow().body()).isEqualTo("<p>Texto de la breve 1. Con borrador.</p>");
            // the two others selected, Shift+A: one question for both
            await().atMost(Duration.ofSeconds(10)).until(() -> driver.findElements(By.cssSelector("#queue tr.row")).size() == 2);
            new Actions(driver).sendKeys("x", "j", "x", "A").perform();
            dialog = await().atMost(Duration.ofSeconds(10)).until(() -> driver.findElement(By.id("approve-dialog")),
                    WebElement::isDisplayed);
            assertThat(dialog.findElements(By.cssSelector("article.preview"))).hasSize(2);
            dialog.findElement(By.id("confirm-approve")).click();
            await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(
                    i -> translations.findById(i).orElseThrow().state() == TranslationState.APPROVED));
            assertThat(driver.findElement(By.id("message")).getText()).contains("2");
            // undone at once
            driver.findElement(By.id("undo")).click();
            await().atMost(Duration.ofSeconds(20)).until(() -> ids.subList(1, 3).stream().allMatch(
                    i -> translations.findById(i).orElseThrow().state() == TranslationState.NEEDS_REVIEW));
            assertThat(driver.findElement(By.id("reopened")).getText()).contains("2");
            return null;
        });
    }

    @Test
    void aQueueApprovalWithoutScriptGoesThroughAConfirmationPageAndAnItemChangedMeanwhileIsNotApproved() {
        long id = toReview("Brève du soir", "<p>Rien à signaler.</p>", "Breve de la tarde", "<p>Nada que señalar.</p>");
        int version = translations.findById(id).orElseThrow().version();
        // the queue's form as a browser without script sends it: a page that shows the text and asks; nothing approved
        var asked = formPost("/review/es/approve?selected=" + id + ":" + version);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Breve de la tarde").contains("Nada que señalar.").contains("confirm-approve");
        assertThat(translations.findById(id).orElseThrow().state()).isEqualTo(TranslationState.NEEDS_REVIEW);
        // confirmed on a version that is no longer the translation's: refused, not approved unseen
        assertThat(formPost("/review/es/approve?confirm=yes&selected=" + id + ":" + (version + 7)).statusCode()).isEqualTo(302);
        assertThat(translations.findById(id).orElseThrow().state()).isEqualTo(TranslationState.NEEDS_REVIEW);
        assertThat(formPost("/review/es/approve?confirm=yes&selected=" + id + ":" + version).statusCode()).isEqualTo(302);
        assertThat(translations.findById(id).orElseThrow().state()).isEqualTo(TranslationState.APPROVED);
        // and undone
        assertThat(formPost("/review/es/reopen?selected=" + id + ":" + (version + 1)).statusCode()).isEqualTo(302);
        assertThat(translations.findById(id).orElseThrow().state()).isEqualTo(TranslationState.NEEDS_REVIEW);
    }

    /** A public page as a reader's browser gets it (redirects followed): its text, or its status when not 200. */
    String publicPage(String path) throws Exception {
        var response = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
                .build().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                        .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : String.valueOf(response.statusCode());
    }

    /** A form post as a script may send it (HTTP Basic with a JSON content type: no CSRF token needed). */
    java.net.http.HttpResponse<String> formPost(String path) {
        return send(api(path).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    @Test
    void inlineMarkupIsProtectedTagsThatMoveButDoNotBreakAndEntitiesAreCharacters() throws Exception {
        long id = toReview("Le maire a parlé", "<p>Le <a href=\"https://example.org/maire\">maire</a> a parlé&#xa0;: « non ».</p>",
                "El alcalde habló", "<p>El <a href=\"https://example.org/maire\">alcalde</a> habló&#xa0;: « no ».</p>");
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            driver.get("http://localhost:" + port + "/review/items/" + id);
            WebElement body = editor(driver, "body:0");
            // the link's tags are two chips; the text has no entity left in it
            assertThat(body.findElements(By.cssSelector(".tag"))).hasSize(2);
            assertThat((String) js(driver, "return [...arguments[0].childNodes].filter(n => n.nodeType === 3)"
                    + ".map(n => n.data).join('');", body)).isEqualTo("El alcalde habló\u00a0: « no ».");
            assertThat(body.getText()).doesNotContain("&#xa0;").doesNotContain("&nbsp;");
            assertThat(cellHtml(driver, "body:0")).isEqualTo(
                    "<p>El <a href=\"https://example.org/maire\">alcalde</a> habló&#xa0;: « no ».</p>");
            // the closing tag deleted: nothing is saved until it is back, and it is offered to be put back
            js(driver, "arguments[0].querySelector('.tag.close').remove();"
                    + "arguments[0].dispatchEvent(new InputEvent('input', {bubbles: true}));", body);
            WebElement put = await().atMost(Duration.ofSeconds(10)).until(
                    () -> driver.findElement(By.cssSelector(".cell[data-key='body:0'] button.put-tag")), WebElement::isDisplayed);
            assertThat(driver.findElement(By.cssSelector(".cell[data-key='body:0'] .cell-notice")).getText()).contains("/a");
            Thread.sleep(2000);   // longer than the pause after which a cell is saved
            assertThat(draftBody(id)).isNull();
            // put back after "habló": the link now covers "alcalde habló" (moved, not broken)
            select(driver, body, "habló");
            js(driver, "getSelection().collapseToEnd();");
            put.click();
            saved(driver);
            assertThat(draftBody(id)).isEqualTo(
                    "<p>El <a href=\"https://example.org/maire\">alcalde habló</a>&#xa0;: « no ».</p>");
            return null;
        });
    }

    @Test
    void aSpaceTypedBeforeAPauseInTheTitleIsStillThereWhenTheEditorTypesOn() throws Exception {
        long id = toReview("Le maire parle", "<p>Le maire parle.</p>", "El alcalde habla", "<p>El alcalde habla.</p>");
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            driver.get("http://localhost:" + port + "/review/items/" + id);
            typeAtEnd(driver, editor(driver, "title"), " hoy ");
            saved(driver);
            new Actions(driver).sendKeys("mismo").perform();
            saved(driver);
            assertThat(editor(driver, "title").getText()).isEqualTo("El alcalde habla hoy mismo");
            assertThat(jdbc.sql("select title from review_draft where translation_id = ?").param(id).query(String.class)
                    .single()).isEqualTo("El alcalde habla hoy mismo");
            return null;
        });
    }

    /** A short translation to review, for the tests of saving. */
    long closedBridge() {
        return toReview("Le pont fermé", "<p>Le pont est fermé.</p>", "El puente cerrado", "<p>El puente está cerrado.</p>");
    }

    @Test
    void aSaveTheServerCannotTakeNowIsSaidAndTriedAgain() throws Exception {
        long id = closedBridge();
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            driver.get("http://localhost:" + port + "/review/items/" + id);
            // a proxy answering 503 twice (the service restarting behind it)
            js(driver, "window.failures = 2; const fetch = window.fetch; window.fetch = (url, options) =>"
                    + " options && options.method === 'PUT' && window.failures-- > 0 ? Promise.resolve(new Response("
                    + "'<html>Service Unavailable</html>', {status: 503, headers: {'Content-Type': 'text/html'}}))"
                    + " : fetch(url, options);");
            typeAtEnd(driver, editor(driver, "body:0"), " Ahora.");
            await().atMost(Duration.ofSeconds(10)).until(() -> driver.findElement(By.id("save-status")).getText()
                    .contains("the server did not answer"));
            // tried again without the editor typing
            await().atMost(Duration.ofSeconds(30)).until(() -> "<p>El puente está cerrado. Ahora.</p>".equals(draftBody(id)));
            saved(driver);
            assertThat(driver.findElement(By.id("save-status")).getText()).isEqualTo("All changes saved");
            return null;
        });
    }

    @Test
    void aSaveWhoseChecksAreSlowIsSaidSavedAndItsChecksAppearWhenReady() throws Exception {
        long id = closedBridge();
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            driver.get("http://localhost:" + port + "/review/items/" + id);
            // LanguageTool keeps the checks of this text waiting, as when its rules load after a start
            checks.holdOn("Kerlouanec");
            try {
                typeAtEnd(driver, editor(driver, "body:0"), " En Kerlouanec.");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> "<p>El puente está cerrado. En Kerlouanec.</p>".equals(draftBody(id)));
                await().atMost(Duration.ofSeconds(15)).until(() -> driver.findElement(By.id("save-status")).getText()
                        .equals("All changes saved"));
                assertThat((Boolean) js(driver, "const c = window.relaisWorkbench.cells.find(c => c.key === 'body:0');"
                        + "return c.reportText === c.html();")).as("checked before LanguageTool answered").isFalse();
            } finally {
                checks.release();
            }
            By issue = By.xpath("//article[@data-key='body:0']//li[contains(@class,'issue')][contains(., 'Kerlouanec')]");
            await().atMost(Duration.ofSeconds(60)).until(() -> !driver.findElements(issue).isEmpty());
            return null;
        });
    }

    @Test
    void aTextKeptInTheBrowserThatMeetsAnotherEditorsChangeIsInTheHistoryWhateverTheEditorChooses() throws Exception {
        long id = closedBridge();
        WebDriver sofia = browser("sofia");
        WebDriver iker = browser("iker");
        orConsole(sofia, () -> {
            String item = "http://localhost:" + port + "/review/items/" + id;
            sofia.get(item);
            iker.get(item);
            expireSession(sofia);
            typeAtEnd(sofia, editor(sofia, "body:0"), " Lo dice sofia.");
            await().atMost(Duration.ofSeconds(20)).until(() -> sofia.findElement(By.id("expired")), WebElement::isDisplayed);
            typeAtEnd(iker, editor(iker, "body:0"), " Lo dice iker.");
            saved(iker);
            sofia.findElement(By.id("sign-in-again")).click();
            await().atMost(Duration.ofSeconds(20)).until(() -> sofia.getCurrentUrl().contains("/login"));
            signIn(sofia, "sofia");
            WebElement conflict = await().atMost(Duration.ofSeconds(30)).until(
                    () -> sofia.findElement(By.cssSelector(".cell[data-key='body:0'] .conflict")), WebElement::isDisplayed);
            assertThat(conflict.getText()).contains("iker").contains("Lo dice sofia.");
            conflict.findElement(By.cssSelector("button.keep-theirs")).click();
            assertThat(jdbc.sql("select count(*) from review_version where translation_id = ? and kind = 'CONFLICT'"
                    + " and body like '%Lo dice sofia.%'").param(id).query(Integer.class).single()).isEqualTo(1);
            assertThat(draftBody(id)).isEqualTo("<p>El puente está cerrado. Lo dice iker.</p>");
            return null;
        });
    }

    @Test
    void aChangeNotSavedYetWhenTheEditorLeavesThePageIsSavedOnTheWayOut() throws Exception {
        long id = closedBridge();
        WebDriver driver = browser("sofia");
        orConsole(driver, () -> {
            driver.get("http://localhost:" + port + "/review/items/" + id);
            typeAtEnd(driver, editor(driver, "body:0"), " Deprisa.");
            // at once, before the pause after which it is saved
            driver.findElement(By.id("to-queue")).click();
            await().atMost(Duration.ofSeconds(20)).until(() -> "<p>El puente está cerrado. Deprisa.</p>".equals(draftBody(id)));
            return null;
        });
    }

    @Test
    void theReviewScreenStacksItsSegmentsOnAPhone() throws Exception {
        long id = toReview("Le marché de Brive ouvre le dimanche",
                "<p>Le marché couvert ouvre ses portes tous les dimanches de huit heures à midi.</p>",
                "El mercado de Brive abre el domingo",
                "<p>El mercado cubierto abre sus puertas todos los domingos de ocho a mediodía.</p>");
        WebDriver driver = browser("sofia");
        driver.manage().window().setSize(new Dimension(390, 844));
        orConsole(driver, () -> {
            driver.get("http://localhost:" + port + "/review/items/" + id);
            screenshot(driver, "workbench-phone");
            Long overflow = (Long) js(driver, "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0L);
            WebElement french = driver.findElement(By.cssSelector(".cell[data-key='body:0'] .cell-fr"));
            WebElement spanish = editor(driver, "body:0");
            assertThat(spanish.getRect().getY()).isGreaterThan(french.getRect().getY() + french.getRect().getHeight() - 1);
            assertThat(spanish.getRect().getWidth()).isGreaterThan(300);
            Long height = (Long) js(driver, "return document.documentElement.scrollHeight;");
            assertThat(height).isLessThan(3000L);
            screenshot(driver, "workbench-phone");
            return null;
        });
    }
}
