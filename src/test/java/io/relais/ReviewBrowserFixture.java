package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
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
 * What the review's browser tests share (the queue, the workbench, the doubtful segments): editors of a language, a
 * machine translation waiting for review, real headless Chromium browsers signed in as someone (each closed after its
 * test), and their screenshots.
 */
abstract class ReviewBrowserFixture extends RelaisIntegrationTest {

    @Autowired
    Articles articles;

    @Autowired
    Sources sources;

    @Autowired
    Translations translations;

    final List<WebDriver> drivers = new ArrayList<>();

    @AfterEach
    void closeTheBrowsers() {
        drivers.forEach(WebDriver::quit);
        drivers.clear();
    }

    /** An editor of {@code languages}, whose password is {@link #password(String)}. */
    void editor(String name, String... languages) {
        assertThat(put("/api/users", "{\"username\": \"" + name + "\", \"password\": \"" + password(name) + "\", "
                + "\"role\": \"EDITOR\", \"languages\": [\"" + String.join("\", \"", languages) + "\"]}").statusCode())
                .isEqualTo(200);
    }

    static String password(String user) {
        return user + "-password-123";
    }

    /**
     * A French article stored for the test, and its machine translation into {@code language} waiting for review
     * (score 52, below the gate); the translation's id.
     */
    long toReview(String frenchTitle, String frenchBody, String language, String route, String title, String body,
                  List<StoredIssue> issues) {
        Source source = sources.ensure("test:browser", Source.Kind.API, "browser tests");
        long article = articles.store(new NewArticle(source.id(), "review-" + System.nanoTime(), null, frenchTitle,
                null, frenchBody, null, null, null, null)).articleId();
        return translations.save(new TranslationResult(article, 1, language, "apertium", route, title, null, body, 52.0,
                10, 1, TranslationState.NEEDS_REVIEW, "score 52 below 70", issues));
    }

    /** A Spanish translation waiting for review. */
    long toReview(String frenchTitle, String frenchBody, String spanishTitle, String spanishBody) {
        return toReview(frenchTitle, frenchBody, "es", "fr>es", spanishTitle, spanishBody, List.of());
    }

    /** A browser whose interface language is {@code uiLanguage} ({@code null}: Chromium's own), signed in as user. */
    WebDriver browser(String uiLanguage, String user, String password) {
        WebDriver driver = HeadlessChromium.start(uiLanguage, Duration.ofSeconds(5));
        drivers.add(driver);
        signIn(driver, user, password);
        return driver;
    }

    /** Signs in on the page the browser is on when it is the sign-in page, else on a new one. */
    void signIn(WebDriver driver, String user, String password) {
        if (!driver.getCurrentUrl().contains("/login")) {
            driver.get("http://localhost:" + port + "/login");
        }
        driver.findElement(By.name("username")).clear();
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        // the page that answers the sign-in (the page asked for, or the dashboard)
        await().atMost(Duration.ofSeconds(30)).until(() -> !driver.getCurrentUrl().contains("/login"));
    }

    static void screenshot(WebDriver driver, String name) throws Exception {
        HeadlessChromium.screenshot(driver, name);
    }
}
