package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.translation.TranslationState;

/**
 * An editor in a real headless Chromium (Debian's chromium and chromium-driver): signs in, opens the queue, fixes a
 * translation, approves it and finds it in the published feed; a second session storing an older version meanwhile
 * gets the conflict message (the workbench's own cases are {@link WorkbenchBrowserTest}'s). Screenshots go to target/screenshots/.
 */
class ReviewBrowserTest extends ReviewBrowserFixture {

    @Autowired
    io.relais.batch.LocalizeRuns runs;

    @BeforeEach
    void editor() {
        editor("lea", "es");
    }

    long toReview(String frenchTitle, String spanishTitle) {
        return toReview(frenchTitle, spanishTitle, List.of());
    }

    long toReview(String frenchTitle, String spanishTitle, List<io.relais.translation.StoredIssue> issues) {
        return toReview(frenchTitle, "<p>" + frenchTitle + ", selon la mairie.</p>", "es", "fr>es", spanishTitle,
                "<p>" + spanishTitle + ", según el ayuntamiento.</p>", issues);
    }

    WebDriver browser(String user) {
        return browser("es", user, password(user));
    }

    @Test
    void anEditorFixesAndApprovesATranslationThatThenIsInTheFeed() throws Exception {
        long id = toReview("Le marché de Brive ouvre le dimanche", "El mercado de Brive abre el domingo");
        runs.runNow();   // at least one finished run for the dashboard
        WebDriver driver = browser("lea");

        assertThat(driver.getCurrentUrl()).endsWith("/review");
        assertThat(driver.findElement(By.id("counts")).getText()).contains("español").contains("%");
        assertThat(driver.findElements(By.cssSelector("#counts .bar"))).isNotEmpty();
        assertThat(driver.findElement(By.id("runs")).getText()).contains("completed").doesNotContain("COMPLETED");   // in the UI language
        assertThat(driver.findElements(By.cssSelector("#scores figure svg rect"))).hasSizeGreaterThan(1);
        screenshot(driver, "dashboard");

        driver.get("http://localhost:" + port + "/review/es?ui=es");
        screenshot(driver, "queue");
        // the queue can be narrowed to one source
        long browserSource = sources.findByUrl("test:browser").orElseThrow().id();
        driver.get("http://localhost:" + port + "/review/es?source=" + browserSource);
        assertThat(driver.findElements(By.cssSelector("a.item"))).isNotEmpty();
        driver.get("http://localhost:" + port + "/review/es?source=987654");
        assertThat(driver.findElements(By.cssSelector("a.item"))).isEmpty();
        // opened from its source's queue, on whichever page it is: the pages (20, oldest first) hold before it whatever
        // the other tests of the shared context left to review
        By item = By.cssSelector("a.item[href$='/review/items/" + id + "']");
        for (int page = 0; driver.findElements(item).isEmpty(); page++) {
            assertThat(page).as("pages of the source's queue looked through").isLessThan(50);
            driver.get("http://localhost:" + port + "/review/es?source=" + browserSource + "&page=" + page);
        }
        driver.findElement(item).click();
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Le marché de Brive ouvre le dimanche");
        screenshot(driver, "review");

        WebElement title = driver.findElement(By.cssSelector(".cell[data-key='title'] .editor"));
        replaceAll(driver, title, "El mercadillo de Brive abre los domingos");
        driver.findElement(By.id("approve")).click();

        await().atMost(Duration.ofSeconds(10)).until(() -> translations.findById(id).orElseThrow().state()
                == TranslationState.APPROVED);
        assertThat(translations.findById(id).orElseThrow().title()).isEqualTo("El mercadillo de Brive abre los domingos");
        // the feeds follow the approval after its commit (a module event), not within the request
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(feed("es", "atom.xml").getEntries())
                .anyMatch(e -> e.getTitle().equals("El mercadillo de Brive abre los domingos")));
    }

    @Test
    void issuesAreHighlightedInTheTextAndASuggestionIsAppliedInOneClick() throws Exception {
        String spanish = "El ayuntamientto de Albi renueva la plaza";
        long id = toReview("La mairie d'Albi rénove la place", spanish);
        WebDriver driver = browser("lea");
        driver.get("http://localhost:" + port + "/review/items/" + id);

        // the checks of the text on screen mark the word in the cell, and beside it offer the fix
        for (String key : List.of("title", "body:0")) {
            WebElement fix = await().atMost(Duration.ofSeconds(30)).until(() -> driver.findElements(
                    By.cssSelector(".cell[data-key='" + key + "'] .cell-side button.act")).stream()
                    .filter(b -> b.getText().contains("ayuntamiento")).findFirst().orElse(null), b -> b != null);
            @SuppressWarnings("unchecked")
            List<String> marked = (List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return [...CSS.highlights.get('wb-spelling') || []].map(r => r.toString());");
            assertThat(marked).contains("ayuntamientto");
            screenshot(driver, "issues");
            fix.click();
        }
        assertThat(driver.findElement(By.cssSelector(".cell[data-key='title'] .editor")).getText())
                .isEqualTo("El ayuntamiento de Albi renueva la plaza");
        assertThat(driver.findElement(By.cssSelector(".cell[data-key='body:0'] .editor")).getText())
                .startsWith("El ayuntamiento de Albi");
        driver.findElement(By.id("approve")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> translations.findById(id).orElseThrow().title()
                .equals("El ayuntamiento de Albi renueva la plaza"));
        assertThat(translations.findById(id).orElseThrow().body()).startsWith("<p>El ayuntamiento de Albi");
    }

    @Test
    void aSecondSessionStoringOnAnOlderVersionGetsTheConflictMessageWithBothVersions() throws Exception {
        long id = toReview("Le pont de Millau fermé pour travaux", "El puente de Millau cerrado por obras");
        WebDriver first = browser("lea");
        WebDriver second = browser("es", "admin", "test-admin-password");
        String page = "http://localhost:" + port + "/review/items/" + id;
        first.get(page);
        second.get(page);

        replaceAll(first, first.findElement(By.cssSelector(".cell[data-key='title'] .editor")),
                "El puente de Millau, cerrado por obras");
        first.findElement(By.id("approve")).click();
        // generous: run alone, this approval is the first to load LanguageTool's checkers (over a minute under load)
        await().atMost(Duration.ofSeconds(120)).until(() -> translations.findById(id).orElseThrow().state()
                == TranslationState.APPROVED);

        // the second page still shows version 1: rejecting it is refused, with both versions shown
        second.findElement(By.id("reason")).sendKeys("no es la versión buena");
        second.findElement(By.id("reject")).click();
        WebElement problem = second.findElement(By.id("problem"));
        assertThat(problem.getText()).contains("Someone else changed this translation meanwhile")
                .contains("El puente de Millau, cerrado por obras").contains("El puente de Millau cerrado por obras");
        screenshot(second, "conflict");
        assertThat(translations.findById(id).orElseThrow().state()).isEqualTo(TranslationState.APPROVED);
    }

    /** Replaces the whole text of a cell by typing, as a person selecting all of it would. */
    static void replaceAll(WebDriver driver, WebElement cell, String text) {
        cell.click();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const r = document.createRange(); r.selectNodeContents(arguments[0]);"
                        + "const s = getSelection(); s.removeAllRanges(); s.addRange(r);", cell);
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(text).perform();
    }
}
