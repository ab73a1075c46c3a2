package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.ingest.DeadLetters;

/**
 * The operator console in a real headless Chromium (Debian's chromium and chromium-driver), one browser shared by
 * the tests: an operator checks a feed URL, adds it and sees its first items arrive; retries a dead letter; starts a
 * run and watches it finish; adds an editor who then signs in; edits the glossary. Screenshots go to
 * target/screenshots/ (console-*.png), some at a phone's width (390 px).
 */
class ConsoleBrowserTest extends RelaisIntegrationTest {

    static WebDriver browser;

    @Autowired
    Sources sources;

    @Autowired
    Articles articles;

    @Autowired
    DeadLetters deadLetters;

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The shared browser, signed in as the administrator. */
    WebDriver operator() {
        if (browser != null) {
            try {
                browser.manage().deleteAllCookies();
            } catch (org.openqa.selenium.WebDriverException crashed) {
                // a crashed tab (it happens on a loaded machine) is no reason to fail the next test: start again
                browser.quit();
                browser = null;
            }
        }
        if (browser == null) {
            browser = chromium();
        }
        signIn(browser, "admin", "test-admin-password");
        return browser;
    }

    static WebDriver chromium() {
        return HeadlessChromium.start("en", Duration.ofSeconds(3));
    }

    void signIn(WebDriver driver, String user, String password) {
        driver.get(url("/login"));
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        submit(driver, driver.findElement(By.cssSelector("button[type=submit]")));
    }

    /** Clicks a submit button and waits for the page that answers the post (the old page goes stale). */
    static void submit(WebDriver driver, WebElement button) {
        WebElement page = driver.findElement(By.tagName("html"));
        button.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> gone(page));
    }

    /**
     * Whether the page element is gone. Chromium answers a node of a page it has left either as stale or with
     * "Node with given id does not belong to the document": both mean the new page is there.
     */
    static boolean gone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            return true;
        }
    }

    /** The same for a button on a page that may refresh itself meanwhile (the runs page does while a run goes on). */
    static void submit(WebDriver driver, By button) {
        for (int attempt = 1; ; attempt++) {
            try {
                submit(driver, driver.findElement(button));
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException refreshed) {
                if (attempt == 5) {
                    throw refreshed;
                }
            }
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static String rss(String... titles) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < titles.length; i++) {
            items.append("<item><title>").append(titles[i]).append("</title><guid>console-").append(i)
                    .append("</guid><description>").append(titles[i])
                    .append(", a annoncé la préfecture mardi. Les habitants sont invités à suivre les consignes des "
                            + "autorités et à limiter leurs déplacements pendant la journée.</description></item>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>La Gazette de test</title>"
                + "<link>http://127.0.0.1/</link><description>test</description>" + items + "</channel></rss>";
    }

    @Test
    void anOperatorChecksAFeedAddsItAndSeesItsFirstItemsArrive() throws Exception {
        String xml = rss("Alerte orange aux orages dans le Gard", "La circulation des trains reprend à Nîmes");
        try (ScriptedServer server = new ScriptedServer()) {
            for (int i = 0; i < 40; i++) {
                server.then(new ScriptedServer.Answer(200, Map.of("Content-Type", "application/rss+xml"), xml, 0));
            }
            String feedUrl = server.uri() + "gazette.xml";
            WebDriver driver = operator();
            driver.get(url("/console/sources"));
            // typing the URL checks it live: fetched, parsed, how many items, how many in French
            driver.findElement(By.id("add-url")).sendKeys(feedUrl);
            await().atMost(Duration.ofSeconds(15)).until(() -> !driver.findElements(By.cssSelector("#check-result .check")).isEmpty());
            assertThat(driver.findElement(By.cssSelector("#check-result .check")).getText())
                    .contains("La Gazette de test").contains("2 items, 2 in French");
            screenshot(driver, "console-source-check");
            driver.findElement(By.id("add-name")).sendKeys("La Gazette");
            WebElement minutes = driver.findElement(By.id("add-minutes"));
            minutes.clear();
            minutes.sendKeys("1");
            driver.findElement(By.cssSelector("#add-form input[name=langs][value=es]")).click();
            submit(driver, driver.findElement(By.id("add")));
            assertThat(driver.findElement(By.id("message")).getText()).contains("Added source");

            long id = sources.findByUrl(feedUrl).orElseThrow().id();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                driver.navigate().refresh();
                return driver.findElement(By.cssSelector("#source-" + id + " .arrivals")).getText().startsWith("2");
            });
            assertThat(driver.findElement(By.id("source-" + id)).getText()).contains("La Gazette").contains("healthy")
                    .contains("es");
            screenshot(driver, "console-sources");

            submit(driver, driver.findElement(By.cssSelector("#source-" + id + " form[action$='/pause'] button")));
            assertThat(driver.findElement(By.id("source-" + id)).getText()).contains("paused");
            assertThat(sources.find(id).orElseThrow().paused()).isTrue();
            driver.get(url("/console"));
            assertThat(driver.findElement(By.id("audit")).getText()).contains("source.add").contains("source.pause")
                    .contains(feedUrl);
        }
    }

    @Test
    void anOperatorRetriesADeadLetterAndTheArticleIsIngested() throws Exception {
        Source inbox = sources.ensure("inbox:", Source.Kind.INBOX, "Inbox folder");
        String text = "Le tramway de Brest prolongé jusqu'au port\nLe conseil de la métropole a voté jeudi le "
                + "prolongement de la ligne de tramway jusqu'au port de commerce. Les travaux commenceront au printemps.";
        long id = deadLetters.record("inbox/tramway-brest.txt", "the database was unavailable (connection refused)",
                text.getBytes(StandardCharsets.UTF_8), "text/plain");
        WebDriver driver = operator();
        driver.get(url("/console/dead-letters?kind=inbox&q=database"));
        WebElement row = driver.findElement(By.id("dead-" + id));
        assertThat(row.getText()).contains("database was unavailable").contains("inbox/tramway-brest.txt");
        row.findElement(By.tagName("summary")).click();
        assertThat(row.findElement(By.tagName("pre")).getText()).contains("Le tramway de Brest");
        screenshot(driver, "console-dead-letters");
        driver.get(url("/console/dead-letters?kind=feed&q=database"));
        assertThat(driver.findElements(By.id("dead-" + id))).isEmpty();

        driver.get(url("/console/dead-letters?q=tramway"));
        submit(driver, driver.findElement(By.cssSelector("#dead-" + id + " button.retry")));
        assertThat(driver.findElement(By.id("message")).getText()).contains("inbox/tramway-brest.txt");
        assertThat(deadLetters.find(id).orElseThrow().retried()).isTrue();   // kept, out of the waiting list
        assertThat(deadLetters.recent(500)).noneMatch(l -> l.id() == id);
        await().atMost(Duration.ofSeconds(20)).until(() -> articles.findAll(500).stream()
                .anyMatch(a -> a.title().equals("Le tramway de Brest prolongé jusqu'au port") && a.sourceId() == inbox.id()));
    }

    @Autowired
    TranslationWriteFault fault;

    @Autowired
    io.relais.batch.LocalizeRuns localizeRuns;

    @Test
    void anOperatorStartsARunSeesWhyItFailedRestartsItAndWatchesItFinish() throws Exception {
        quiesce(localizeRuns);   // the runs other tests' articles started are over: the next run is this test's
        Source source = sources.ensure("test:console-run", Source.Kind.API, "console run");
        articles.store(new NewArticle(source.id(), "console-run-" + System.nanoTime(), null,
                "Le musée de Rouen rouvre ses portes", null,
                "<p>Le musée des beaux-arts de Rouen rouvre samedi après deux ans de travaux.</p>", null, null, null, null));
        fault.arm("es", 0);   // the first Spanish chunk written fails, as a lost database connection would make it
        WebDriver driver = operator();
        driver.get(url("/console/runs"));
        submit(driver, By.id("start-run"));
        assertThat(driver.findElement(By.id("message")).getText()).containsAnyOf("Started run #", "A run is going on");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
            driver.navigate().refresh();
            return driver.findElement(By.cssSelector("#runs tr.run .why")).getText().contains("injected failure");
        });
        long failedId = await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            WebElement failed = driver.findElement(By.xpath("//tr[contains(@class,'run')][.//details[contains(@class,'why')]]"));
            assertThat(failed.findElement(By.cssSelector(".status")).getText()).isEqualTo("failed");
            return Long.parseLong(failed.getAttribute("id").substring("run-".length()));
        }, id -> id > 0);
        screenshot(driver, "console-run-failed");

        submit(driver, By.cssSelector("#run-" + failedId + " button.restart"));
        assertThat(driver.findElement(By.id("message")).getText()).contains("Restarting run #" + failedId);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
            driver.navigate().refresh();
            WebElement newest = driver.findElement(By.cssSelector("#runs tr.run"));
            return Long.parseLong(newest.getAttribute("id").substring("run-".length())) > failedId
                    && newest.findElement(By.cssSelector(".status")).getText().equals("completed");
        });
        WebElement latest = driver.findElement(By.cssSelector("#runs tr.run"));
        assertThat(latest.findElements(By.cssSelector(".lang [role=progressbar]"))).isNotEmpty();
        assertThat(latest.getText()).contains("español").contains("/s)");
        assertThat(driver.findElements(By.cssSelector("#run-history svg rect"))).hasSizeGreaterThan(1);
        screenshot(driver, "console-runs");
        driver.get(url("/console"));
        assertThat(driver.findElement(By.id("audit")).getText()).contains("run.start").contains("run.restart");
    }

    @Test
    void anOperatorAddsAnEditorWhoThenSignsInAndCanBeDisabled() throws Exception {
        WebDriver driver = operator();
        driver.get(url("/console/users"));
        driver.findElement(By.id("username")).sendKeys("marta");
        driver.findElement(By.id("password")).sendKeys("marta-password-2026");
        driver.findElement(By.cssSelector("#add-user input[name=langs][value=ca]")).click();
        submit(driver, driver.findElement(By.id("add-user-button")));
        assertThat(driver.findElement(By.id("message")).getText()).contains("marta");
        assertThat(driver.findElement(By.id("user-marta")).getText()).contains("may sign in");
        screenshot(driver, "console-users");

        driver.manage().deleteAllCookies();
        signIn(driver, "marta", "marta-password-2026");
        assertThat(driver.getCurrentUrl()).endsWith("/review");
        assertThat(driver.findElement(By.id("counts")).getText()).contains("català");
        driver.get(url("/console/users"));
        assertThat(driver.findElements(By.id("users"))).isEmpty();   // an editor does not get the console

        WebDriver admin = operator();
        admin.get(url("/console/users"));
        submit(admin, admin.findElement(By.cssSelector("#user-marta form[action$='/enabled'] button")));
        // disabling asks first
        assertThat(admin.findElement(By.tagName("h1")).getText()).contains("marta");
        submit(admin, admin.findElement(By.id("confirm-button")));
        assertThat(admin.findElement(By.id("user-marta")).getText()).contains("disabled");
        admin.manage().deleteAllCookies();
        signIn(admin, "marta", "marta-password-2026");
        assertThat(admin.getCurrentUrl()).contains("/login");
    }

    @Test
    void anOperatorEditsTheGlossaryAndExportsItAsTsv() throws Exception {
        WebDriver driver = operator();
        driver.get(url("/console/glossary"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("add-target"))).selectByValue("en");
        driver.findElement(By.id("add-source")).sendKeys("Assemblée nationale");
        driver.findElement(By.id("add-translation")).sendKeys("National Assembly");
        submit(driver, driver.findElement(By.id("add-term-button")));
        assertThat(driver.findElement(By.id("message")).getText()).contains("National Assembly");
        // a pasted file: typing a tab would move the focus, so the text is put in as a paste would
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id("tsv")), "es\tSénat\tSenado\n*\tLe Monde\t\n");
        submit(driver, driver.findElement(By.cssSelector("#import button")));
        assertThat(driver.findElement(By.id("message")).getText()).contains("imported 2 terms");
        driver.get(url("/console/glossary?q=s%C3%A9nat"));
        assertThat(driver.findElement(By.id("terms")).getText()).contains("Sénat").doesNotContain("Assemblée nationale");
        assertThat(driver.findElement(By.cssSelector("#terms input[name=translation]")).getDomProperty("value")).isEqualTo("Senado");
        screenshot(driver, "console-glossary");
        String tsv = get("/console/glossary/export").body();
        assertThat(tsv).contains("en\tAssemblée nationale\tNational Assembly\n").contains("*\tLe Monde\t\n");
    }

    @Test
    void theConsoleIsUsableAtAPhonesWidth() throws Exception {
        WebDriver driver = operator();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get(url("/console/sources"));
            assertThat(driver.findElement(By.tagName("h1")).isDisplayed()).isTrue();
            // nothing but the tables' own scroll boxes is wider than the screen
            Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0L);
            screenshot(driver, "console-sources-phone");
        } finally {
            driver.manage().window().setSize(new Dimension(1366, 900));
        }
    }

    // --- the editor's workbench ---

    long toReview(Source source, String frenchTitle, String frenchBody, String spanishTitle, String spanishBody,
                  java.util.List<io.relais.translation.StoredIssue> issues) {
        io.relais.article.StoreResult stored = articles.store(new NewArticle(source.id(), "wb-" + frenchTitle, null,
                frenchTitle, null, frenchBody, null, null, null, null));
        return translations.save(new io.relais.translation.TranslationResult(stored.articleId(), stored.revision(), "es",
                "apertium", "fr>es", spanishTitle, null, spanishBody, 55.0, 20, 1,
                io.relais.translation.TranslationState.NEEDS_REVIEW, "score 55 below 70", issues));
    }

    @Autowired
    io.relais.translation.Translations translations;

    @Autowired
    io.relais.terminology.TranslationMemory memory;

    void editor(String name) {
        if (put("/api/users", "{\"username\": \"" + name + "\", \"password\": \"" + name + "-password-2026\", "
                + "\"role\": \"EDITOR\", \"languages\": [\"es\"]}").statusCode() != 200) {
            throw new AssertionError("cannot add editor " + name);
        }
    }

    /** Keys pressed on whatever has the focus, as a person at the keyboard would. */
    void press(WebDriver driver, CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    }

    @Test
    void anEditorClearsAQueueOfTwentyItemsWithTheKeyboardOnly() throws Exception {
        editor("teo");
        Source source = sources.ensure("test:keyboard", Source.Kind.API, "keyboard queue");
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            ids.add(toReview(source, "Brève numéro " + i + " de la rédaction", "<p>Texte de la brève " + i + ".</p>",
                    "Breve número " + i + " de la redacción", "<p>Texto de la breve " + i + ".</p>", java.util.List.of()));
        }
        WebDriver driver = operator();
        driver.manage().deleteAllCookies();
        // signing in from the keyboard too: type, Tab, type, Enter
        driver.get(url("/login"));
        driver.findElement(By.name("username")).click();
        press(driver, "teo", org.openqa.selenium.Keys.TAB, "teo-password-2026", org.openqa.selenium.Keys.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.getCurrentUrl().endsWith("/review"));
        String queue = url("/review/es?source=" + source.id());
        driver.get(queue);
        assertThat(driver.findElements(By.cssSelector("#queue tr.row"))).hasSize(20);
        assertThat(driver.findElement(By.id("queue")).getText()).contains("to review").doesNotContain("NEEDS_REVIEW");
        screenshot(driver, "workbench-queue");

        press(driver, "j", "j", "k");
        assertThat(driver.findElement(By.cssSelector("#queue tr.current")).getAttribute("data-index")).isEqualTo("1");
        // Enter opens the current item; back to the queue
        press(driver, org.openqa.selenium.Keys.ENTER);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> driver.getCurrentUrl().contains("/review/items/" + ids.get(1)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            screenshot(driver, "queue-enter-failed");
            throw new AssertionError(driver.getCurrentUrl() + " " + ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.activeElement.outerHTML.slice(0, 300);") + HeadlessChromium.console(driver), e);
        }
        // e opens the current item for editing: the title's cell has the focus; Escape leaves it, a approves the edit
        driver.get(queue);
        press(driver, "j", "e");
        await().atMost(Duration.ofSeconds(20)).until(() -> driver.getCurrentUrl().endsWith("/review/items/" + ids.get(1) + "?edit#cells"));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.activeElement.matches(\".cell[data-key='title'] .editor\");"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            screenshot(driver, "workbench-edit-failed");
            throw e;
        }
        press(driver, org.openqa.selenium.Keys.END, " (corregida)", org.openqa.selenium.Keys.ESCAPE, "a");
        // the approval saves the cell first (and checks it), then stores the text
        await().atMost(Duration.ofSeconds(60)).until(() -> translations.findById(ids.get(1)).orElseThrow().state()
                == io.relais.translation.TranslationState.APPROVED);
        assertThat(translations.findById(ids.get(1)).orElseThrow().title()).isEqualTo("Breve número 2 de la redacción (corregida)");

        // x selects, Shift+A shows what will be published and asks once: Enter approves the selected
        driver.get(queue);
        press(driver, "x", "j", "x", "A");
        await().atMost(Duration.ofSeconds(30)).until(() -> driver.findElement(By.id("confirm-approve")).isDisplayed());
        press(driver, org.openqa.selenium.Keys.ENTER);
        await().atMost(Duration.ofSeconds(30)).until(() -> !driver.findElements(By.id("message")).isEmpty());
        assertThat(driver.findElement(By.id("message")).getText()).contains("2");
        assertThat(driver.findElements(By.cssSelector("#queue tr.row"))).hasSize(17);
        // a shows the current item's text and asks, Enter approves it, and the queue comes back with the next one current
        for (int left = 17; left > 0; left--) {
            int expected = left - 1;
            press(driver, "a");
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> driver.findElement(By.id("confirm-approve")).isDisplayed());
            press(driver, org.openqa.selenium.Keys.ENTER);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> driver.findElements(By.cssSelector("#queue tr.row")).size() == expected);
        }
        assertThat(driver.findElement(By.id("empty")).isDisplayed()).isTrue();
        assertThat(ids).allSatisfy(id -> assertThat(translations.findById(id).orElseThrow().state())
                .isEqualTo(io.relais.translation.TranslationState.APPROVED));
        screenshot(driver, "workbench-queue-cleared");
    }

    @Test
    void theReviewScreenShowsDoubtfulSegmentsWhatChangedInTheFrenchTheEditorsDiffAndTheMemory() throws Exception {
        Source source = sources.ensure("test:workbench", Source.Kind.API, "workbench");
        String external = "wb-corrected-" + System.nanoTime();
        articles.store(new NewArticle(source.id(), external, null, "Twitter ferme son bureau de Paris", null,
                "<p>Le réseau social ferme son bureau parisien.</p><p>Vingt salariés sont concernés.</p>", null, null, null, null));
        io.relais.article.StoreResult revised = articles.store(new NewArticle(source.id(), external, null,
                "Twitter ferme son bureau de Paris", null,
                "<p>Le réseau social Twitter ferme son bureau parisien.</p><p>Trente salariés sont concernés.</p>",
                null, null, null, null));
        assertThat(revised.revision()).isEqualTo(2);
        long id = translations.save(new io.relais.translation.TranslationResult(revised.articleId(), 2, "es", "apertium",
                "fr>es", "Twitter cierra su oficina de París", null,
                "<p>La red social Twitter cierra su oficina parisina.</p><p>Treinta asalariadoss están afectados.</p>",
                48.0, 16, 1, io.relais.translation.TranslationState.NEEDS_REVIEW, "score 48 below 70",
                java.util.List.of(new io.relais.translation.StoredIssue("languagetool", "body", "MORFOLOGIK_RULE_ES",
                        "Posible error ortográfico", 58, 70, "asalariados", "spelling"))));
        memory.remember("Les salariés de l'usine sont en grève.", "fr", "es", "Los trabajadores de la fábrica están en huelga.",
                io.relais.terminology.TranslationMemory.Origin.EDITOR, "editor", null, 0);

        WebDriver driver = operator();
        driver.get(url("/review/items/" + id));
        // what changed in the French since revision 1
        WebElement changes = driver.findElement(By.id("french-changes"));
        assertThat(changes.findElement(By.tagName("del")).getText()).contains("Vingt");
        assertThat(changes.getText()).contains("Trente");
        // the checks of the text on screen: §2's misspelt word is doubtful and marked; the glossary term shows beside §1
        WebElement second = driver.findElement(By.cssSelector(".cell[data-key='body:1']"));
        await().atMost(Duration.ofSeconds(30)).until(() -> second.getAttribute("class").contains("doubtful"));
        assertThat(second.getText()).contains("asalariadoss");
        await().atMost(Duration.ofSeconds(30)).until(() -> driver.findElement(By.cssSelector(".cell[data-key='body:0'] .cell-side"))
                .getText().contains("Twitter"));
        assertThat(driver.findElement(By.cssSelector("#cells .cell-head")).getText()).contains("French (source)")
                .doesNotContain("Français —");
        screenshot(driver, "workbench-item");

        // concordance search in the translation memory, in place
        driver.findElement(By.id("tm")).sendKeys("salariés");
        driver.findElement(By.cssSelector("#concordance-form button")).click();
        await().atMost(Duration.ofSeconds(5)).until(() -> !driver.findElements(By.cssSelector("#concordance tr.match")).isEmpty());
        assertThat(driver.findElement(By.id("concordance")).getText()).contains("Los trabajadores de la fábrica");

        // the editor fixes the word in its cell (saved as typed): the diff between the machine's text and the
        // editor's shows it, and the history has the draft
        WebElement cell = second.findElement(By.cssSelector(".editor"));
        cell.click();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const walker = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const at = n.data.indexOf('asalariadoss');
                  if (at >= 0) { const r = document.createRange(); r.setStart(n, at); r.setEnd(n, at + 12);
                    const s = getSelection(); s.removeAllRanges(); s.addRange(r); }
                }""", cell);
        press(driver, "asalariados");
        await().atMost(Duration.ofSeconds(30)).until(() -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return !window.relaisWorkbench.cells.some(c => c.dirty || c.inflight);"));
        driver.navigate().refresh();
        WebElement diff = driver.findElement(By.id("machine-diff"));
        assertThat(diff.findElement(By.tagName("del")).getText()).isEqualTo("asalariadoss");
        assertThat(diff.findElement(By.tagName("ins")).getText()).isEqualTo("asalariados");
        assertThat(driver.findElement(By.id("history")).getText()).contains("draft").doesNotContain("T1")
                .doesNotContain("NEEDS_REVIEW");

        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.navigate().refresh();
            Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0L);
            screenshot(driver, "workbench-item-phone");
        } finally {
            driver.manage().window().setSize(new Dimension(1366, 900));
        }
    }

    static void screenshot(WebDriver driver, String name) throws Exception {
        HeadlessChromium.screenshot(driver, name);
    }
}
