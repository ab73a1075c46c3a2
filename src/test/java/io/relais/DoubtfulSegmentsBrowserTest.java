package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.translation.StoredIssue;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;

/**
 * The review screen marks the segments the quality estimate doubts (one {@code estimate} issue spanning each, as the
 * quality module stores them), so that editors fix only those; in a real headless Chromium.
 */
class DoubtfulSegmentsBrowserTest extends RelaisIntegrationTest {

    @Autowired
    Articles articles;

    @Autowired
    Sources sources;

    @Autowired
    Translations translations;

    final List<WebDriver> drivers = new ArrayList<>();

    @AfterEach
    void quit() {
        drivers.forEach(WebDriver::quit);
    }

    @Test
    void theDoubtfulParagraphIsMarkedAndTheOtherIsNot() throws Exception {
        Source source = sources.ensure("test:doubtful", Source.Kind.API, "doubtful segments test");
        String french = "<p>Le chat noir dort dans la maison.</p><p>Les mesures ont été faites en Bretagne.</p>";
        long article = articles.store(new NewArticle(source.id(), "doubtful-" + System.nanoTime(), null,
                "Le chat noir", null, french, null, null, null, null)).articleId();
        String body = "<p>The black cat sleeps in the house.</p><p>The measures have been done in Bretaña.</p>";
        String text = Jsoup.parseBodyFragment(body).text();
        String second = "The measures have been done in Bretaña.";
        int start = text.indexOf(second);
        long id = translations.save(new TranslationResult(article, 1, "en", "apertium", "fr>es>en", "The black cat", null,
                body, 41.0, 14, 0, TranslationState.NEEDS_REVIEW, "1 of 2 segments doubtful", List.of(
                new StoredIssue("pivot-leak", "body", "PIVOT_WORD", "Word of the pivot language (es) left in the text: "
                        + "Bretaña", text.indexOf("Bretaña"), text.indexOf("Bretaña") + 7, null, "warning"),
                new StoredIssue("estimate", "body", "DOUBTFUL_SEGMENT", "Doubtful segment: estimated quality 41.0 below"
                        + " 55.0 (pivot leaks -9.1)", start, start + second.length(), null, "doubtful"))));

        WebDriver driver = browser();
        driver.get("http://localhost:" + port + "/review/items/" + id);

        List<WebElement> cells = driver.findElements(By.cssSelector("td.t"));
        assertThat(cells).hasSize(2);
        // the workbench lists doubtful segments first: find each by its text, not its place
        WebElement fine = cells.stream().filter(c -> c.getText().contains("black cat")).findFirst().orElseThrow();
        WebElement doubtful = cells.stream().filter(c -> c.getText().contains("Bretaña")).findFirst().orElseThrow();
        assertThat(cells.get(0)).as("doubtful first").isEqualTo(doubtful);
        assertThat(fine.getAttribute("class")).doesNotContain("doubtful");
        assertThat(doubtful.getAttribute("class")).contains("doubtful");
        assertThat(doubtful.getAttribute("title")).contains("estimated quality 41.0 below 55.0");
        assertThat(driver.findElement(By.cssSelector("#issues li.doubtful-segment")).getText())
                .contains("Doubtful segment");
        // the word-level issue inside it is still highlighted
        assertThat(doubtful.findElement(By.tagName("mark")).getText()).isEqualTo("Bretaña");
        ReviewBrowserTest.screenshot(driver, "doubtful-segments");
    }

    WebDriver browser() {
        WebDriver driver = HeadlessChromium.start(null, Duration.ofSeconds(5));
        drivers.add(driver);
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.name("username")).sendKeys("admin");
        driver.findElement(By.name("password")).sendKeys("test-admin-password");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        return driver;
    }
}
