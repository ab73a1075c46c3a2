package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import io.relais.translation.StoredIssue;

/**
 * The review screen marks the segments the checks of the text on screen doubt, says why beside each, and can show those
 * alone, so that editors fix only those; in a real headless Chromium.
 */
class DoubtfulSegmentsBrowserTest extends ReviewBrowserFixture {

    @Test
    void theDoubtfulParagraphIsMarkedAndTheOtherIsNot() throws Exception {
        String french = "<p>Le chat noir dort dans la maison.</p><p>Les mesures ont été faites en Bretagne.</p>";
        String body = "<p>The black cat sleeps in the house.</p><p>The measures have been done in Bretaña.</p>";
        String text = Jsoup.parseBodyFragment(body).text();
        String second = "The measures have been done in Bretaña.";
        int start = text.indexOf(second);
        long id = toReview("Le chat noir", french, "en", "fr>es>en", "The black cat", body, List.of(
                new StoredIssue("pivot-leak", "body", "PIVOT_WORD", "Word of the pivot language (es) left in the text: "
                        + "Bretaña", text.indexOf("Bretaña"), text.indexOf("Bretaña") + 7, null, "warning"),
                new StoredIssue("estimate", "body", "DOUBTFUL_SEGMENT", "Doubtful segment: estimated quality 41.0 below"
                        + " 55.0 (pivot leaks -9.1)", start, start + second.length(), null, "doubtful")));

        WebDriver driver = browser();
        driver.get("http://localhost:" + port + "/review/items/" + id);

        // the checks of the text on screen: the paragraph with a Spanish word left is doubtful, says why, and the
        // word is marked in it; the other paragraph is not doubtful
        WebElement doubtful = driver.findElement(By.cssSelector(".cell[data-key='body:1']"));
        WebElement fine = driver.findElement(By.cssSelector(".cell[data-key='body:0']"));
        await().atMost(Duration.ofSeconds(30)).until(() -> doubtful.getAttribute("class").contains("doubtful"));
        assertThat(fine.getAttribute("class")).doesNotContain("doubtful");
        assertThat(doubtful.findElement(By.cssSelector(".cell-side")).getText()).contains("Bretaña")
                .doesNotContain("estimated quality").doesNotContain("The measures have been done in Bretaña:");
        @SuppressWarnings("unchecked")
        List<String> marked = (List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return [...CSS.highlights.values()].flatMap(h => [...h]).map(r => r.toString());");
        assertThat(marked).contains("Bretaña");
        // only the doubtful ones, when asked
        driver.findElement(By.id("doubtful-only")).click();
        assertThat(fine.findElement(By.cssSelector(".cell-t")).isDisplayed()).isFalse();
        assertThat(doubtful.findElement(By.cssSelector(".cell-t")).isDisplayed()).isTrue();
        screenshot(driver, "doubtful-segments");
    }

    WebDriver browser() {
        return browser(null, "admin", "test-admin-password");
    }
}
