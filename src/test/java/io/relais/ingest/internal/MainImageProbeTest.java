package io.relais.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpServer;

import io.relais.StoredArticlesTest;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.publish.FeedPublisher;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;

/**
 * The main image of an article is measured with a HEAD request, so that feeds give its enclosure the real length;
 * an image that does not say its length, or is not an image, stays unmeasured and goes out without an enclosure.
 */
class MainImageProbeTest extends StoredArticlesTest {

    @Autowired
    MainImageProbe probe;
    @Autowired
    FeedPublisher publisher;

    HttpServer images;
    final List<String> methods = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serveImages() throws IOException {
        images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        images.createContext("/", exchange -> {
            methods.add(exchange.getRequestMethod());
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/photo.jpg")) {
                exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
                exchange.getResponseHeaders().add("Content-Length", "48213");
            } else if (path.equals("/page.jpg")) {
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.getResponseHeaders().add("Content-Length", "512");
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        images.start();
    }

    @AfterEach
    void stop() {
        images.stop(0);
    }

    @Test
    void anImageOfKnownSizeBecomesAnEnclosureWithItsLengthAndAnythingElseStaysWithout() {
        String base = "http://127.0.0.1:" + images.getAddress().getPort();
        long photo = article(base + "/photo.jpg", "Le phare de Cordouan rouvre aux visiteurs");
        long page = article(base + "/page.jpg", "Le musée de Bayonne rouvre après travaux");
        probe.probe(photo, 1);
        probe.probe(page, 1);
        assertThat(methods).containsOnly("HEAD").hasSize(2);
        publisher.republish("pt");
        String rss = anonymousGet("http://localhost:" + port + "/feeds/pt/rss.xml").body();
        assertThat(rss).contains("<enclosure url=\"" + base + "/photo.jpg\" length=\"48213\" type=\"image/jpeg\" />")
                .contains("<media:content url=\"" + base + "/photo.jpg\" medium=\"image\" type=\"image/jpeg\" fileSize=\"48213\" />")
                .doesNotContain("<enclosure url=\"" + base + "/page.jpg\"").doesNotContain("length=\"0\"")
                .contains("<media:content url=\"" + base + "/page.jpg\"");
    }

    private long article(String image, String title) {
        Source source = sources.ensure("test:image-probe", Source.Kind.API, "image probe");
        sources.updateLanguages(source.id(), List.of("pt"));
        String body = "<p>" + title + ".</p><figure><img src=\"" + image + "\" alt=\"x\"></figure>";
        long id = articles.store(new NewArticle(source.id(), "probe-" + System.nanoTime(), null, title, null, body,
                "Ana Lopes", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(3), null, null, List.of())).articleId();
        translations.save(new TranslationResult(id, 1, "pt", "apertium", "fr>ca>pt", title + " (pt)", null,
                "<p>" + title + " (pt).</p><figure><img src=\"" + image + "\" alt=\"x\"></figure>", 80.0, 6, 0,
                TranslationState.AUTO_APPROVED, null, List.of()));
        return id;
    }
}
