package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;

/**
 * A refusal is answered as one — 403, 409, 429 with the reason — never as a 500 with a stack trace at ERROR, and the
 * right credentials are never refused because other requests arrived at the same moment. A session cookie always
 * needs the CSRF token, whatever other headers come with it. Every response carries the security headers: TRACE and
 * OPTIONS, and every 404 (those at public addresses with the document policy).
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusalAnswersTest extends RelaisIntegrationTest {

    static final String PAGE_POLICY = DocumentHeadersTest.PAGE_POLICY;
    static final String FEED_POLICY = DocumentHeadersTest.FEED_POLICY;

    @Autowired
    Sources sources;

    @Autowired
    Articles articles;

    @Autowired
    Translations translations;

    private static Map<String, String> basic(String user, String password) {
        return RawHttp.basic(user, password);
    }

    private void user(String name, String role, String languages) {
        HttpResponse<String> created = put("/api/users", "{\"username\": \"" + name + "\", \"password\": \"" + name
                + "-password-1\", \"role\": \"" + role + "\", \"languages\": [" + languages + "]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    }

    @Test
    void anEditorOfSpanishAskingTheEnglishConcordanceOrApprovingInEnglishGets403AndNoErrorIsLogged(
            CapturedOutput output) throws Exception {
        user("refusal-editor-es", "EDITOR", "\"es\"");
        Map<String, String> editor = basic("refusal-editor-es", "refusal-editor-es-password-1");
        Source source = sources.ensure("test:refusals", Source.Kind.API, "refusals");
        long article = articles.store(new NewArticle(source.id(), "refusal-" + System.nanoTime(), null,
                "Le port de Concarneau fête ses thoniers", null, "<p>Le port de Concarneau fête ses thoniers.</p>",
                null, null, null, null, List.of())).articleId();
        long english = translations.save(new TranslationResult(article, 1, "en", "apertium", "fr>es>en",
                "The port of Concarneau celebrates its tuna boats", null,
                "<p>The port of Concarneau celebrates its tuna boats.</p>", 50.0, 8, 0, TranslationState.NEEDS_REVIEW,
                "score 50 below 70", List.of()));
        int before = output.getAll().length();

        RawHttp.Answer concordance = RawHttp.send(port, "GET", "/review/concordance?lang=en&q=port", editor, null);
        assertThat(concordance.status()).isEqualTo(403);
        RawHttp.Answer approveSelected = RawHttp.send(port, "POST", "/review/en/approve?selected=" + english + ":0",
                editor, "");
        assertThat(approveSelected.status()).isEqualTo(403);
        RawHttp.Answer approveOne = RawHttp.send(port, "POST", "/api/review/items/" + english + "/approve",
                Map.of("Authorization", editor.get("Authorization"), "Content-Type", "application/json"),
                "{\"version\": 0}");
        assertThat(approveOne.status()).isEqualTo(403);
        assertThat(approveOne.body()).contains("does not review en");
        assertThat(translations.findById(english).orElseThrow().state()).isEqualTo(TranslationState.NEEDS_REVIEW);

        String logged = output.getAll().substring(before);
        assertThat(logged).doesNotContain("ReviewProblem").doesNotContain("Request processing failed");
    }

    @Test
    void theSameArticlePushedManyTimesAtOnceIsStoredOnceAndEveryAnswerIs201Or200WithItsId() throws Exception {
        String json = "{\"externalId\": \"duplicate-" + System.nanoTime() + "\", \"title\": \"Le port de Lorient "
                + "accueille un nouveau ferry\", \"body\": \"<p>Le port de Lorient accueille depuis lundi un nouveau "
                + "ferry qui dessert les îles du Morbihan chaque matin.</p>\"}";
        ExecutorService clients = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(clients.submit(() -> {
                start.await();
                return post("/api/articles", json);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(5, TimeUnit.MINUTES);
            statuses.add(response.statusCode());
            Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(response.body());
            if (id.find()) {
                ids.add(id.group(1));
            }
        }
        clients.shutdown();
        assertThat(statuses).as("no 500, no 409: a duplicate is answered as a known article").containsOnly(201, 200);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(ids).as("one article").hasSize(1);
    }

    @Test
    void theRightPasswordIsNeverRefusedBecauseOtherSignInsArriveAtTheSameMoment() throws Exception {
        user("refusal-ops", "ADMIN", "");
        Map<String, String> right = basic("refusal-ops", "refusal-ops-password-1");
        Map<String, String> wrong = basic("refusal-ops", "not-the-password");
        ExecutorService clients = Executors.newFixedThreadPool(24);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RawHttp.Answer>> rights = new ArrayList<>();
        List<Future<RawHttp.Answer>> wrongs = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            boolean guess = i % 18 == 0;   // three wrong passwords among them, fewer than the limit of five
            Future<RawHttp.Answer> answer = clients.submit(() -> {
                start.await();
                return RawHttp.send("127.0.0.6", port, "GET", "/api/jobs", guess ? wrong : right, null);
            });
            (guess ? wrongs : rights).add(answer);
        }
        start.countDown();
        List<Integer> rightStatuses = new ArrayList<>();
        for (Future<RawHttp.Answer> answer : rights) {
            rightStatuses.add(answer.get(5, TimeUnit.MINUTES).status());
        }
        for (Future<RawHttp.Answer> answer : wrongs) {
            assertThat(answer.get(5, TimeUnit.MINUTES).status()).isEqualTo(401);
        }
        clients.shutdown();
        assertThat(rightStatuses).hasSize(50).containsOnly(200);
    }

    @Test
    void aSessionCookieNeedsTheCsrfTokenWhateverAuthorizationHeaderComesWithIt() throws Exception {
        String session = signIn("admin", "test-admin-password");
        Map<String, String> cookie = Map.of("Cookie", "JSESSIONID=" + session, "Authorization", "Bearer x");
        assertThat(RawHttp.send(port, "GET", "/api/sources", cookie, null).status()).as("signed in by the cookie")
                .isEqualTo(200);
        Map<String, String> json = new java.util.HashMap<>(cookie);
        json.put("Content-Type", "application/json");
        RawHttp.Answer source = RawHttp.send(port, "POST", "/api/sources", json,
                "{\"url\": \"https://exemple.fr/bearer.xml\"}");
        assertThat(source.status()).isEqualTo(403);
        assertThat(sources.findByUrl("https://exemple.fr/bearer.xml")).isEmpty();
        Map<String, String> form = new java.util.HashMap<>(cookie);
        form.put("Content-Type", "application/x-www-form-urlencoded");
        assertThat(RawHttp.send(port, "POST", "/console/runs", form, "").status()).isEqualTo(403);
        json.putAll(basic("admin", "test-admin-password"));
        assertThat(RawHttp.send(port, "POST", "/api/sources", json, "{\"url\": \"https://exemple.fr/basic.xml\"}")
                .status()).as("Basic credentials with a session cookie need the token too").isEqualTo(403);
        // a bearer token alone is no credential: an anonymous call
        assertThat(RawHttp.send(port, "POST", "/api/sources", Map.of("Authorization", "Bearer x",
                "Content-Type", "application/json"), "{\"url\": \"https://exemple.fr/anon.xml\"}").status())
                .isEqualTo(401);
    }

    /** Signs in with the form, as a browser does: the session cookie of the signed-in user. */
    private String signIn(String user, String password) throws Exception {
        RawHttp.Answer page = RawHttp.send(port, "GET", "/login", Map.of(), null);
        String cookie = cookie(page);
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
                .matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        RawHttp.Answer signedIn = RawHttp.send(port, "POST", "/login", Map.of("Cookie", "JSESSIONID=" + cookie,
                        "Content-Type", "application/x-www-form-urlencoded"),
                "username=" + user + "&password=" + password + "&_csrf=" + java.net.URLEncoder.encode(csrf,
                        StandardCharsets.UTF_8));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("error");
        return cookie(signedIn);
    }

    private static String cookie(RawHttp.Answer answer) {
        for (String header : answer.headers().getOrDefault("set-cookie", List.of())) {
            if (header.startsWith("JSESSIONID=")) {
                return header.substring("JSESSIONID=".length(), header.indexOf(';'));
            }
        }
        throw new AssertionError("no session cookie in " + answer.headers());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersTraceOptionsAndEvery404Included() throws Exception {
        List<String[]> requests = List.of(
                new String[] {"TRACE", "/"}, new String[] {"TRACE", "/api/jobs"}, new String[] {"TRACE", "/feeds/es/rss.xml"},
                new String[] {"TRACE", "/es/articles/1"}, new String[] {"OPTIONS", "/"},
                new String[] {"OPTIONS", "/api/jobs"}, new String[] {"OPTIONS", "/feeds/es/rss.xml"},
                new String[] {"OPTIONS", "/es/articles/1"}, new String[] {"GET", "/no-such-page"},
                new String[] {"GET", "/api/no-such-thing"}, new String[] {"GET", "/feeds/es/no-such.xml"},
                new String[] {"GET", "/feeds/xx/"}, new String[] {"GET", "/es/articles/987654321"},
                new String[] {"GET", "/fr/articles/not-a-number"}, new String[] {"BREW", "/"},
                new String[] {"GET", "/api/../api/jobs"});
        for (String[] request : requests) {
            RawHttp.Answer answer = RawHttp.send(port, request[0], request[1], Map.of(), null);
            String what = request[0] + " " + request[1] + " (" + answer.status() + ")";
            assertThat(answer.header("Content-Security-Policy")).as(what).isNotNull().contains("default-src")
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
            assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).as(what).isEqualTo("same-origin");
            assertThat(answer.status()).as(what).isLessThan(500);
            if (request[0].equals("TRACE")) {
                // refused (a feed that is not there yet: 404), never echoed
                assertThat(answer.status()).as(what).isIn(404, 405);
                assertThat(answer.body()).as(what).doesNotContain("TRACE " + request[1]);
            }
        }
        // a 404 where anyone reads has the documents' policy, not the signed-in pages'
        for (String path : List.of("/feeds/es/no-such.xml", "/feeds/es/archive/999/atom.xml", "/feeds/p/nobody/es/rss.xml",
                "/feeds/feeds.json")) {
            RawHttp.Answer missing = RawHttp.send(port, "GET", path, Map.of(), null);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.header("Content-Security-Policy")).as(path).isEqualTo(FEED_POLICY);
        }
        for (String path : List.of("/feeds/xx/", "/feeds/nothing/here", "/es/articles/987654321",
                "/fr/articles/not-a-number", "/pt/articles/987654320-sans-page")) {
            RawHttp.Answer missing = RawHttp.send(port, "GET", path, Map.of(), null);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.header("Content-Security-Policy")).as(path).isEqualTo(PAGE_POLICY);
        }
    }
}
