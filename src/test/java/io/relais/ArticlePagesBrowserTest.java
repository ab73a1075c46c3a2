package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.publish.FeedPublisher;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;

/**
 * The public article pages as a reader's browser shows them: in the page's own language whatever the browser's (the
 * lang attribute, the machine-translation notice), the French page French, dates with their zone, an x-default
 * alternate, and all of it readable on a 390-pixel phone without sideways scrolling.
 */
class ArticlePagesBrowserTest extends StoredArticlesTest {

    @Autowired
    FeedPublisher publisher;

    @Test
    void aMachineTranslatedPageSpeaksItsOwnLanguageToAnEnglishBrowserAndFitsAPhone() {
        Source source = source("test:pages-browser", "ca");
        long id = articles.store(new NewArticle(source.id(), "browser-" + System.nanoTime(), null,
                "Les vendanges tardives commencent en Alsace", "Un résumé.", "<p>Les vendanges tardives commencent.</p>",
                "Louise Martin", OffsetDateTime.now(ZoneOffset.UTC).minusHours(2), null, null, List.of())).articleId();
        translations.save(new TranslationResult(id, 1, "ca", "apertium", "fr>ca", "Les veremes tardanes comencen a Alsàcia",
                "Un resum.", "<p>Les veremes tardanes comencen.</p>", 60.0, 6, 0, TranslationState.NEEDS_REVIEW, "doubtful",
                List.of()));
        publisher.republish("ca");

        WebDriver driver = HeadlessChromium.start("en", Duration.ofSeconds(2));
        try {
            driver.manage().window().setSize(new Dimension(390, 844));
            driver.get("http://localhost:" + port + "/ca/articles/" + id);   // redirected to the page's own address
            assertThat(driver.getCurrentUrl()).endsWith("/ca/articles/" + id + "-les-veremes-tardanes-comencen-a-alsacia");
            JavascriptExecutor js = (JavascriptExecutor) driver;
            assertThat(js.executeScript("return document.documentElement.lang")).isEqualTo("ca");
            WebElement notice = driver.findElement(By.id("machine-translation-notice"));
            assertThat(notice.isDisplayed()).isTrue();
            assertThat(notice.getText()).isEqualTo("Traducció automàtica del francès, no revisada per cap editor.");
            assertThat(driver.findElement(By.id("original-link")).getText()).isEqualTo("Llegiu l'original en francès");
            assertThat(driver.findElements(By.cssSelector("link[rel=alternate][hreflang=x-default]"))).hasSize(1);
            assertThat(driver.findElement(By.cssSelector("time")).getText()).endsWith("UTC");
            assertThat((Long) js.executeScript("return document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo((Long) js.executeScript("return window.innerWidth"));

            driver.get("http://localhost:" + port + "/fr/articles/" + id);
            assertThat(js.executeScript("return document.documentElement.lang")).isEqualTo("fr");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Les vendanges tardives commencent en Alsace");
            assertThat(driver.findElements(By.cssSelector("link[type='application/atom+xml']"))).isEmpty();
        } finally {
            driver.quit();
        }
    }
}
