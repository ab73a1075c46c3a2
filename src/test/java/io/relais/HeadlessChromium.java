package io.relais;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium driven headless by its chromedriver, as the browser tests use it: one window size, no extras. */
public final class HeadlessChromium {

    /** Where the browser tests leave their screenshots. */
    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    private HeadlessChromium() {
    }

    /**
     * A new browser. {@code uiLanguage}: the language it asks pages in ({@code Accept-Language}), or null for
     * Chromium's default; {@code implicitWait}: how long it looks for an element before giving up.
     */
    public static WebDriver start(String uiLanguage, Duration implicitWait) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900");
        // the page's console (script errors) for tests that print it when they fail
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        if (uiLanguage != null) {
            options.addArguments("--lang=" + uiLanguage);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(implicitWait);
        return driver;
    }

    /** What the page wrote to its console (script errors first of all), for a failing test to print. */
    public static String console(WebDriver driver) {
        StringBuilder out = new StringBuilder();
        try {
            driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
                    .forEach(entry -> out.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n'));
        } catch (RuntimeException e) {
            out.append("(no console: ").append(e.getMessage()).append(')');
        }
        return out.toString();
    }

    /** The page as the browser shows it, in {@link #SCREENSHOTS} as {@code name}.png. */
    public static void screenshot(WebDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
