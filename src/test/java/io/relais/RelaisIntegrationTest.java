package io.relais;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.relais.translation.PublishedSetReadFault;

/**
 * The whole service on real parts (Apertium, LanguageTool, H2, Camel routes) on a random port. Every integration
 * test extends this class so that they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TranslationWriteFault.class, QualityCheckFault.class, PublishedSetReadFault.class, FailingPage.class,
        CollectedSpans.class})
public abstract class RelaisIntegrationTest {

    protected static final Path WORK = Path.of("target/test-work");
    protected static final Path INBOX = WORK.resolve("inbox");
    protected static final Path FEEDS = WORK.resolve("feeds");
    protected static final Path DEMO_FEED = WORK.resolve("demo-feed.xml");

    static {
        try {
            if (Files.exists(WORK)) {
                try (Stream<Path> files = Files.walk(WORK)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(INBOX);
            Files.copy(Path.of("demo/feed.xml"), DEMO_FEED, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * A link the service wrote (with {@code relais.publish.base-url}, localhost:8080 in tests) pointed at the port
     * the test server listens on.
     */
    protected String local(String url) {
        return url.replace("http://localhost:8080/", "http://localhost:" + port + "/");
    }

    /** An anonymous GET (no credentials), as a partner's feed reader or a visitor sends it. */
    protected static HttpResponse<String> anonymousGet(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every test context pings a local WebSub hub, so that publishing can be checked against one. */
    @org.springframework.test.context.DynamicPropertySource
    static void websubHub(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("relais.publish.hubs", StubHub.INSTANCE::url);
        // and trusts it with partners' feeds (whose topic URLs hold their tokens)
        registry.add("relais.publish.partner-hubs", StubHub.INSTANCE::url);
    }

    @LocalServerPort
    protected int port;

    /** The administrator of the test profile (relais.security.admin.*), sent as HTTP Basic credentials. */
    protected static final String ADMIN_AUTH = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("admin:test-admin-password".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    /** A request to this service, as the administrator. */
    protected HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", ADMIN_AUTH);
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> put(String path, String json) {
        return send(api(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    protected HttpResponse<String> delete(String path) {
        return send(api(path).DELETE().build());
    }

    protected HttpResponse<String> get(String path) {
        try {
            return HTTP.send(api(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> post(String path, String json) {
        try {
            return HTTP.send(api(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fetches a feed over HTTP and parses it back with Rome. */
    protected SyndFeed feed(String lang, String file) {
        HttpResponse<String> response = get("/feeds/" + lang + "/" + file);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /feeds/" + lang + "/" + file + " answered " + response.statusCode());
        }
        return parse(response.body());
    }

    protected static SyndFeed parse(String xml) {
        try {
            return new SyndFeedInput().build(new StringReader(xml));
        } catch (Exception e) {
            throw new AssertionError("the feed does not parse with Rome: " + e.getMessage(), e);
        }
    }

    /**
     * Lets the runs that earlier tests' ingestion started finish, including those still waiting for their debounce
     * (1 s in tests), so that a test's own run is the one that translates what it stored.
     */
    protected static void quiesce(io.relais.batch.LocalizeRuns runs) {
        runs.runNow();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !runs.debouncedRunPending() && runs.expressIdle());
        runs.runNow();
    }

    /** Drops a file into the inbox the way a user would: written aside, then moved in at once. */
    protected static void drop(String name, byte[] content) throws IOException {
        Path tmp = WORK.resolve(name + ".writing");
        Files.write(tmp, content);
        Files.move(tmp, INBOX.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
