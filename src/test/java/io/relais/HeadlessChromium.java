package io.relais;

import java.io.File;
import java.time.Duration;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium driven headless by its chromedriver, as the browser tests use it: one window size, no extras. */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /**
     * A new browser. {@code uiLanguage}: the language it asks pages in ({@code Accept-Language}), or null for
     * Chromium's default; {@code implicitWait}: how long it looks for an element before giving up.
     */
    static WebDriver start(String uiLanguage, Duration implicitWait) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900");
        if (uiLanguage != null) {
            options.addArguments("--lang=" + uiLanguage);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(implicitWait);
        return driver;
    }
}
