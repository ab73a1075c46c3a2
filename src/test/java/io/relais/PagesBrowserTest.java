package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.AfterAll;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.publish.ArticleLinks;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;

/**
 * Every server-rendered page and every error a browser can meet, in a real headless Chromium, anonymously, as an
 * editor and as an administrator, in the three interface languages: no Whitelabel page anywhere, the right
 * {@code lang} (the interface language on signed-in pages, the content's on public ones), exactly one H1, a focus
 * ring of at least 3:1 against what surrounds it on every element that takes the focus (from the computed styles),
 * nothing wider than a 390 px phone; the sign-in page says why the user is there and keeps the user name; an
 * expired session sends a page to sign in and back to it, and a page's script gets a 401 problem detail. Screenshots
 * of each page at 1280 and 390 px in target/screenshots/ (pages-*.png).
 */
class PagesBrowserTest extends RelaisIntegrationTest {

    static final List<String> UI = List.of("fr", "en", "es");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    static WebDriver browser;

    @Autowired
    Sources sources;

    @Autowired
    Articles articles;

    @Autowired
    Translations translations;

    @Autowired
    io.relais.publish.FeedPublisher publisher;

    @Autowired
    ServletWebServerApplicationContext server;

    @Autowired
    io.relais.batch.LocalizeRuns localizeRuns;

    /** The translations and the published article the pages show, made once. */
    static long spanishItem;
    static long catalanItem;
    static long sourceId;
    static String articlePage;
    static String frenchPage;

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void someContent() throws Exception {
        if (browser == null) {
            browser = HeadlessChromium.start("en", Duration.ofSeconds(2));
            browser.manage().window().setSize(new Dimension(1280, 900));
        } else {
            browser.manage().deleteAllCookies();
        }
        if (spanishItem != 0) {
            return;
        }
        // no run of other tests' articles goes on (the runs page and the dashboard refresh themselves during one)
        await().atMost(Duration.ofSeconds(120)).until(() -> !localizeRuns.debouncedRunPending());
        for (String editor : List.of("pages-es", "pages-locked")) {
            assertThat(put("/api/users", "{\"username\": \"" + editor + "\", \"password\": \"" + editor + "-password-1\", "
                    + "\"role\": \"EDITOR\", \"languages\": [\"es\"]}").statusCode()).isEqualTo(200);
        }
        Source source = sources.ensure("test:pages", Source.Kind.API, "pages test");
        sourceId = source.id();
        long toReview = articles.store(new NewArticle(source.id(), "pages-review-" + System.nanoTime(), null,
                "Le marché couvert de Quimper rouvre", null,
                "<p>Le marché couvert de Quimper rouvre samedi après huit mois de travaux.</p>", null, null, null,
                null)).articleId();
        spanishItem = translations.save(new TranslationResult(toReview, 1, "es", "apertium", "fr>es",
                "El mercado cubierto de Quimper reabre", null,
                "<p>El mercado cubierto de Quimper reabre el sábado después de ocho meses de obras.</p>", 52.0, 12, 1,
                TranslationState.NEEDS_REVIEW, "score 52 below 70", List.of()));
        catalanItem = translations.save(new TranslationResult(toReview, 1, "ca", "apertium", "fr>ca",
                "El mercat cobert de Quimper reobre", null,
                "<p>El mercat cobert de Quimper reobre dissabte després de vuit mesos d'obres.</p>", 50.0, 12, 1,
                TranslationState.NEEDS_REVIEW, "score 50 below 70", List.of()));

        // a published article whose body has its own first-level heading: the page keeps one H1, its title
        String french = "Le festival de Cornouaille annonce sa programmation";
        long published = articles.store(new NewArticle(source.id(), "pages-published-" + System.nanoTime(), null,
                french, null, "<h1>Programme</h1><p>Le festival de Cornouaille annonce sa programmation pour juillet.</p>",
                null, null, null, null)).articleId();
        String spanish = "El festival de Cornualles anuncia su programación";
        long approved = translations.save(new TranslationResult(published, 1, "es", "apertium", "fr>es", spanish, null,
                "<h1>Programa</h1><p>El festival de Cornualles anuncia su programación para julio.</p>", 60.0, 12, 0,
                TranslationState.NEEDS_REVIEW, "score 60 below 70", List.of()));
        int version = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(get("/api/review/items/" + approved).body()).get("translation").get("version").asInt();
        assertThat(post("/api/review/items/" + approved + "/approve", "{\"version\": " + version + "}").statusCode())
                .isEqualTo(200);
        publisher.republish("es");
        articlePage = ArticleLinks.path("es", published, spanish);
        frenchPage = ArticleLinks.path("fr", published, french);
    }

    // --- what every page is checked for ---

    /** Focus rings of every element that takes the focus: colour against what is behind the ring, style, width. */
    static final String FOCUS_RINGS = """
            const parse = c => { const m = /rgba?\\(([^)]+)\\)/.exec(c); if (!m) return null;
              const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
              return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
            const behind = node => { const layers = [];
              for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
                const c = parse(getComputedStyle(n).backgroundColor);
                if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
              let base = {r: 255, g: 255, b: 255};
              for (let i = layers.length - 1; i >= 0; i--) { const l = layers[i];
                base = {r: l.r * l.a + base.r * (1 - l.a), g: l.g * l.a + base.g * (1 - l.a), b: l.b * l.a + base.b * (1 - l.a)}; }
              return base; };
            const lum = c => { const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
            const ratio = (x, y) => { const a = lum(x), b = lum(y); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
            const out = [];
            const all = document.querySelectorAll('a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), '
              + 'select:not([disabled]), textarea:not([disabled]), summary, [tabindex]');
            for (const el of all) {
              el.focus();
              if (document.activeElement !== el) continue;   // not shown, so not focusable
              const cs = getComputedStyle(el);
              const offset = parseFloat(cs.outlineOffset) || 0;
              const bg = behind(offset >= 0 ? el.parentElement : el);
              let ring = parse(cs.outlineColor) || {r: 0, g: 0, b: 0, a: 1};
              ring = {r: ring.r * ring.a + bg.r * (1 - ring.a), g: ring.g * ring.a + bg.g * (1 - ring.a), b: ring.b * ring.a + bg.b * (1 - ring.a)};
              out.push({what: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + (el.textContent || el.value || '').trim().slice(0, 30) + '"',
                visible: el.matches(':focus-visible'), style: cs.outlineStyle, width: parseFloat(cs.outlineWidth),
                ratio: Math.round(ratio(ring, bg) * 100) / 100});
            }
            if (document.activeElement) document.activeElement.blur();
            window.scrollTo(0, 0);
            return out;
            """;

    JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a page (as whoever the browser is signed in as) and checks it; the status it answered with. */
    long visit(String name, String path, String lang, boolean screenshots) throws Exception {
        browser.get(url(path));
        return check(name, lang, screenshots);
    }

    long check(String name, String lang, boolean screenshots) throws Exception {
        String source = browser.getPageSource();
        assertThat(source).as(name).doesNotContainIgnoringCase("whitelabel");
        assertThat(js().executeScript("return document.documentElement.lang")).as(name + ": lang").isEqualTo(lang);
        assertThat(js().executeScript("return document.querySelectorAll('h1').length")).as(name + ": H1").isEqualTo(1L);
        // one real Tab, so that the browser shows focus as for the keyboard; then every focusable element in turn
        js().executeScript("if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rings = (List<Map<String, Object>>) js().executeScript(FOCUS_RINGS);
        assertThat(rings).as(name + ": focusable elements").isNotEmpty();
        for (Map<String, Object> ring : rings) {
            String what = name + ": focus on " + ring.get("what");
            assertThat(ring.get("visible")).as(what + " is visible").isEqualTo(true);
            assertThat(ring.get("style")).as(what + " outline").isNotEqualTo("none");
            assertThat(((Number) ring.get("width")).doubleValue()).as(what + " width").isGreaterThanOrEqualTo(2.0);
            assertThat(((Number) ring.get("ratio")).doubleValue()).as(what + " contrast").isGreaterThanOrEqualTo(3.0);
        }
        if (screenshots) {
            screenshot("pages-" + name + "-1280");
        }
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            Long overflow = (Long) js().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as(name + ": wider than 390 px by").isLessThanOrEqualTo(0L);
            if (screenshots) {
                screenshot("pages-" + name + "-390");
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
        return (Long) js().executeScript("return performance.getEntriesByType('navigation')[0].responseStatus");
    }

    void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }

    void signIn(String user, String password) {
        browser.get(url("/login"));
        typeAndSend(user, password);
    }

    void typeAndSend(String user, String password) {
        WebElement name = browser.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.id("signin-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> ConsoleBrowserTest.gone(page));
    }

    /** Chromium applies {@code autofocus} at its next rendering step, not when the page has loaded: wait for it. */
    void assertFocusOn(String id) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> id.equals(d.switchTo().activeElement().getAttribute("id")));
    }

    void uiLanguage(String lang) {
        browser.get(url("/login?ui=" + lang));
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    // --- anonymous ---

    @Test
    void theSignInPageSpeaksEachInterfaceLanguageSaysWhyAndKeepsTheUserName() throws Exception {
        Map<String, String> wrong = Map.of("fr", "Nom d'utilisateur ou mot de passe incorrect",
                "en", "Wrong user name or password", "es", "Nombre de usuario o contraseña incorrectos");
        Map<String, String> heading = Map.of("fr", "Connexion à Relais", "en", "Sign in to Relais",
                "es", "Iniciar sesión en Relais");
        for (String lang : UI) {
            browser.manage().deleteAllCookies();
            browser.get(url("/login?ui=" + lang));
            // the user name has the focus: a user types straight away
            assertFocusOn("username");
            assertThat(check("signin-" + lang, lang, true)).isEqualTo(200);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(heading.get(lang));

            typeAndSend("pages-es", "not-the-password");
            assertThat(browser.getCurrentUrl()).endsWith("/login?error");
            assertThat(text("signin-problem")).startsWith(wrong.get(lang));
            assertThat(browser.findElement(By.id("username")).getDomProperty("value")).isEqualTo("pages-es");
            // with the name kept, the password has the focus
            assertFocusOn("password");
            assertThat(check("signin-wrong-password-" + lang, lang, true)).isEqualTo(200);

            typeAndSend("pages-es", "pages-es-password-1");
            assertThat(browser.getCurrentUrl()).endsWith("/review");
            browser.get(url("/logout"));
            check("signout-" + lang, lang, lang.equals("en"));
            WebElement page = browser.findElement(By.tagName("html"));
            browser.findElement(By.id("signout-button")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> ConsoleBrowserTest.gone(page));
            assertThat(browser.getCurrentUrl()).endsWith("/login?logout");
            assertThat(text("signin-message")).isEqualTo(Map.of("fr", "Vous êtes déconnecté.", "en", "You are signed out.",
                    "es", "Ha cerrado la sesión.").get(lang));
            check("signed-out-" + lang, lang, lang.equals("en"));
        }
    }

    @Test
    void tooManyFailedSignInsAreRefusedOnTheSignInPageWithTheWaitInWords() throws Exception {
        // five wrong passwords from another address lock the user name (HTTP Basic counts as the form does)
        for (int i = 0; i < 5; i++) {
            assertThat(rawStatus("127.0.0.9", "/api/review/counts", "pages-locked", "guess-" + i)).isEqualTo(401);
        }
        Map<String, String> refused = Map.of("fr", "Trop de connexions échouées pour cet utilisateur : réessayez dans 15 minutes.",
                "en", "Too many failed sign-ins for this user: try again in 15 minutes.",
                "es", "Demasiados inicios de sesión fallidos para este usuario: vuelva a intentarlo dentro de 15 minutos.");
        for (String lang : UI) {
            browser.manage().deleteAllCookies();
            uiLanguage(lang);
            typeAndSend("pages-locked", "pages-locked-password-1");   // even the right password
            assertThat(text("signin-problem")).isIn(refused.get(lang), refused.get(lang).replace("15", "14"));
            assertThat(browser.findElement(By.id("username")).getDomProperty("value")).isEqualTo("pages-locked");
            assertThat(check("signin-throttled-" + lang, lang, true)).isEqualTo(429L);
        }
    }

    @Test
    void publicPagesAndTheirErrorsSpeakTheContentsLanguageAndNothingOfTheSession() throws Exception {
        // signed in with the French interface: the public pages do not change language, and show nothing of the session
        signIn("pages-es", "pages-es-password-1");
        uiLanguage("fr");
        assertThat(visit("feeds-index", "/feeds/", "en", true)).isEqualTo(200);
        assertThat(visit("feeds-language", "/feeds/es/", "es", true)).isEqualTo(200);
        assertThat(visit("article", articlePage, "es", true)).isEqualTo(200);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("El festival de Cornualles anuncia su programación");
        assertThat(browser.findElement(By.cssSelector(".body h2")).getText()).isEqualTo("Programa");
        assertThat(visit("article-original", frenchPage, "fr", true)).isEqualTo(200);

        record NotFound(String path, String lang, String title) {
        }
        for (NotFound missing : List.of(
                new NotFound("/es/articles/987654321-no-existe", "es", "Página no encontrada"),
                new NotFound("/ca/articles/987654321", "ca", "Pàgina no trobada"),
                new NotFound("/fr/articles/987654321", "fr", "Page introuvable"),
                new NotFound("/feeds/it/niente.html", "it", "Pagina non trovata"),
                new NotFound("/feeds/pt/archive/999/atom.xml", "pt", "Página não encontrada"),
                new NotFound("/feeds/nothing-here", "en", "Page not found"))) {
            String name = "public-404-" + missing.lang();
            assertThat(visit(name, missing.path(), missing.lang(), true)).as(missing.path()).isEqualTo(404);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(missing.title());
            assertThat(browser.getPageSource()).as(missing.path()).doesNotContain("pages-es").doesNotContain("logout")
                    .doesNotContain("<script").doesNotContain("_csrf");
            assertThat(browser.findElements(By.cssSelector("a[href='/feeds/']"))).hasSize(1);
        }
        // still signed in, still in French
        assertThat(visit("dashboard-after-public", "/review", "fr", false)).isEqualTo(200);
    }

    @Test
    void aWithdrawnArticlesPagesAnswer410InTheirOwnLanguageAndSayNothingOfWhatWasWithdrawn() throws Exception {
        String french = "Le viaduc de Morlaix fermé pour inspection";
        long id = articles.store(new NewArticle(sourceId, "pages-withdrawn-" + System.nanoTime(), null, french, null,
                "<p>Le viaduc de Morlaix est fermé pour inspection.</p>", null, null, null, null)).articleId();
        Map<String, String> titles = Map.of("ca", "El viaducte de Morlaix tancat per inspecció",
                "it", "Il viadotto di Morlaix chiuso per ispezione");
        for (var t : titles.entrySet()) {
            translations.save(new TranslationResult(id, 1, t.getKey(), "apertium", "fr>" + t.getKey(), t.getValue(), null,
                    "<p>" + t.getValue() + ".</p>", 80.0, 6, 0, TranslationState.APPROVED, null, List.of()));
            publisher.republish(t.getKey());
        }
        String catalan = ArticleLinks.path("ca", id, titles.get("ca"));
        // (asked outside the browser: the browser would keep the page it was given, max-age=300, and show it again)
        assertThat(anonymousGet(url(catalan)).statusCode()).isEqualTo(200);
        for (var t : titles.entrySet()) {
            var translation = translations.find(id, 1, t.getKey()).orElseThrow();
            assertThat(translations.apply(translation, io.relais.translation.TranslationAction.REJECT,
                    translation.version(), translation.title(), translation.summary(), translation.body(), "wrong")).isTrue();
            publisher.republish(t.getKey());
        }

        record Gone(String path, String lang, String title) {
        }
        for (Gone gone : List.of(new Gone(catalan, "ca", "Article retirat"),
                new Gone(ArticleLinks.path("it", id, titles.get("it")), "it", "Articolo ritirato"),
                new Gone(ArticleLinks.path("fr", id, french), "fr", "Article retiré"))) {
            assertThat(visit("public-410-" + gone.lang(), gone.path(), gone.lang(), true)).as(gone.path()).isEqualTo(410);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(gone.title());
            assertThat(browser.getPageSource()).as(gone.path()).doesNotContain("viaduc").doesNotContain("Morlaix")
                    .doesNotContain("<script");
            assertThat(browser.findElements(By.cssSelector("a[href='/feeds/']"))).hasSize(1);
        }
        // a page never published stays not found
        assertThat(visit("public-404-never", "/ca/articles/" + (id + 100_000_000L), "ca", false)).isEqualTo(404);
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndScriptsGet401ProblemDetails() throws Exception {
        uiLanguage("es");
        browser.get(url("/console/sources?q=1"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        check("signin-from-console", "es", false);
        typeAndSend("admin", "test-admin-password");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/console/sources?q=1"));

        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        Map<String, Object> problem = fetch("/review/concordance?lang=es&q=mercado", "GET");
        assertThat(problem.get("status")).isEqualTo(401L);
        assertThat((String) problem.get("type")).startsWith("application/problem+json");
        assertThat(problem.get("challenge")).isNull();   // no WWW-Authenticate: no browser password dialog over the page
        assertThat((String) problem.get("body")).contains("\"sessionExpired\":false").contains("\"signIn\":\"/login\"");
        Map<String, Object> api = fetch("/api/review/counts", "GET");
        assertThat(api.get("status")).isEqualTo(401L);
        assertThat((String) api.get("type")).startsWith("application/problem+json");
    }

    // --- signed in ---

    @Test
    void anEditorsPagesAndErrorsInEachLanguage() throws Exception {
        signIn("pages-es", "pages-es-password-1");
        Map<String, String> forbidden = Map.of("fr", "Page réservée", "en", "Not for your account", "es", "Página reservada");
        for (String lang : UI) {
            boolean shots = lang.equals("en");
            uiLanguage(lang);
            assertThat(visit("editor-dashboard-" + lang, "/review", lang, shots)).isEqualTo(200);
            assertThat(visit("editor-queue-" + lang, "/review/es", lang, shots)).isEqualTo(200);
            assertThat(visit("editor-item-" + lang, "/review/items/" + spanishItem, lang, shots)).isEqualTo(200);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("El mercado cubierto de Quimper reabre");

            // another language's queue and item, and the console: refused in words, with the way to their own queue
            browser.get(url("/review/es"));   // where the editor comes from
            js().executeScript("location.href = '/review/ca'");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/review/ca"));
            assertThat(check("editor-403-queue-" + lang, lang, true)).isEqualTo(403);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(forbidden.get(lang));
            assertThat(browser.findElement(By.id("back")).getAttribute("href")).isEqualTo(url("/review/es"));
            assertThat(browser.findElement(By.cssSelector("#queues a")).getText()).isEqualTo("español");
            assertThat(visit("editor-403-item-" + lang, "/review/items/" + catalanItem, lang, shots)).isEqualTo(403);
            assertThat(visit("editor-403-console-" + lang, "/console", lang, shots)).isEqualTo(403);

            assertThat(visit("editor-404-" + lang, "/review/items/987654321", lang, true)).isEqualTo(404);
            assertThat(browser.findElement(By.id("home")).getAttribute("href")).isEqualTo(url("/review"));
            assertThat(visit("editor-400-" + lang, "/review/es?page=one", lang, shots)).isEqualTo(400);
            assertThat(visit("editor-405-" + lang, "/review/es/approve", lang, shots)).isEqualTo(405);
        }
    }

    @Test
    void anAdministratorsPagesAndErrorsInEachLanguage() throws Exception {
        signIn("admin", "test-admin-password");
        Map<String, String> failed = Map.of("fr", "Une erreur s'est produite", "en", "Something went wrong",
                "es", "Algo ha fallado");
        for (String lang : UI) {
            boolean shots = lang.equals("en");
            uiLanguage(lang);
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("console", "/console");
            pages.put("sources", "/console/sources");
            pages.put("source", "/console/sources/" + sourceId);
            pages.put("runs", "/console/runs");
            pages.put("dead-letters", "/console/dead-letters");
            pages.put("glossary", "/console/glossary");
            pages.put("users", "/console/users");
            pages.put("dashboard", "/review");
            pages.put("queue", "/review/es");
            pages.put("item", "/review/items/" + spanishItem);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                assertThat(visit("admin-" + page.getKey() + "-" + lang, page.getValue(), lang, shots)).as(page.getValue())
                        .isEqualTo(200);
            }
            assertThat(visit("admin-404-" + lang, "/console/nothing-here", lang, shots)).isEqualTo(404);
            assertThat(visit("admin-400-" + lang, "/console/sources/one", lang, shots)).isEqualTo(400);
            assertThat(visit("admin-405-" + lang, "/console/sources/" + sourceId + "/pause", lang, shots)).isEqualTo(405);
            assertThat(visit("admin-500-" + lang, "/test/failing-page", lang, true)).isEqualTo(500);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(failed.get(lang));
            assertThat(browser.getPageSource()).doesNotContain("on purpose").doesNotContain("IllegalStateException");
        }
    }

    @Test
    void aFormSentWithAStaleTokenIsExplainedNotAWhitelabelPage() throws Exception {
        signIn("pages-es", "pages-es-password-1");
        uiLanguage("fr");
        browser.get(url("/review/items/" + spanishItem));
        js().executeScript("document.querySelector('#review-form input[name=_csrf]').value = 'stale'");
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.id("reason")).sendKeys("pas la bonne version");
        browser.findElement(By.id("reject")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> ConsoleBrowserTest.gone(page));
        assertThat(check("csrf-fr", "fr", true)).isEqualTo(403);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ce formulaire n'est plus valable");
        assertThat(browser.findElement(By.id("back")).getAttribute("href")).isEqualTo(url("/review/items/" + spanishItem));
    }

    // --- the expired session ---

    /** Expires the browser's session on the server, as its timeout would. */
    void expireSession() throws Exception {
        Cookie cookie = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(cookie).isNotNull();
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session = context.getManager().findSession(cookie.getValue());
        assertThat(session).as("the browser's session on the server").isNotNull();
        session.expire();
    }

    @Test
    void aPageAskedForWithAnExpiredSessionSignsInAgainAndLandsOnThatPage() throws Exception {
        signIn("pages-es", "pages-es-password-1");
        uiLanguage("es");
        browser.get(url("/review/es"));
        expireSession();
        String asked = "/review/items/" + spanishItem + "?order=text";
        browser.get(url(asked));
        assertThat(browser.getCurrentUrl()).endsWith("/login?expired");
        assertThat(text("signin-problem")).startsWith("Su sesión ha caducado");
        check("signin-expired-es", "es", true);
        typeAndSend("pages-es", "pages-es-password-1");
        assertThat(browser.getCurrentUrl()).isEqualTo(url(asked));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("El mercado cubierto de Quimper reabre");

        // the same with the cookie deleted: no session to speak of, so no "expired", but back on the page all the same
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.get(url("/review/es?sort=score"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        typeAndSend("pages-es", "pages-es-password-1");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/review/es?sort=score"));

        // signing out of a session that already expired just says so
        expireSession();
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.cssSelector("header form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> ConsoleBrowserTest.gone(page));
        assertThat(browser.getCurrentUrl()).endsWith("/login?logout");
        assertThat(text("signin-message")).isEqualTo("Ha cerrado la sesión.");
    }

    @Test
    void aFormSentWithAnExpiredSessionSignsInAgainAndComesBackToItsPage() throws Exception {
        signIn("pages-es", "pages-es-password-1");
        uiLanguage("fr");
        browser.get(url("/review/items/" + spanishItem));
        expireSession();
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.id("reason")).sendKeys("pas la bonne version");
        browser.findElement(By.id("reject")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> ConsoleBrowserTest.gone(page));
        assertThat(browser.getCurrentUrl()).endsWith("/login?expired");
        assertThat(text("signin-problem")).startsWith("Votre session a expiré");
        typeAndSend("pages-es", "pages-es-password-1");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/review/items/" + spanishItem));
    }

    @Test
    void aPagesScriptWithAnExpiredSessionGets401ProblemDetailAndSigningInReturnsToThePage() throws Exception {
        signIn("pages-es", "pages-es-password-1");
        uiLanguage("es");
        browser.get(url("/review/items/" + spanishItem));
        assertThat(fetch("/review/concordance?lang=es&q=mercado", "GET").get("status")).isEqualTo(200L);
        expireSession();
        Map<String, Object> problem = fetch("/review/concordance?lang=es&q=mercado", "GET");
        assertThat(problem.get("status")).isEqualTo(401L);
        assertThat((String) problem.get("type")).startsWith("application/problem+json");
        assertThat(problem.get("challenge")).isNull();
        assertThat((String) problem.get("body")).contains("\"status\":401").contains("\"sessionExpired\":true")
                .contains("\"signIn\":\"/login?expired\"").contains("Su sesión ha caducado");
        // what the workbench's script will do: keep the text, send the editor to sign in, and be back on the item
        js().executeScript("location.href = '/login?expired'");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/login?expired"));
        typeAndSend("pages-es", "pages-es-password-1");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/review/items/" + spanishItem));
    }

    /** A fetch from the page, as its script would make it: status, content type, challenge header and body. */
    @SuppressWarnings("unchecked")
    Map<String, Object> fetch(String path, String method) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: arguments[1]}).then(r => r.text().then(body => done({status: r.status,
                  type: r.headers.get('Content-Type'), challenge: r.headers.get('WWW-Authenticate'), body: body})))
                  .catch(e => done({status: -1, body: String(e)}));
                """, path, method);
    }

    /** The status of a GET with HTTP Basic credentials sent from a given loopback address. */
    int rawStatus(String from, String path, String user, String password) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(180_000);
            String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\nAuthorization: Basic "
                    + auth + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(all);
            return Integer.parseInt(all.toString(StandardCharsets.ISO_8859_1).split(" ", 3)[1]);
        }
    }
}
