package io.relais.ingest.internal;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

import io.relais.article.Article;
import io.relais.article.Articles;
import io.relais.ingest.ArticleIngested;

/**
 * Learns the size and type of a newly ingested article's main image (its first http(s) image) with a HEAD request
 * through the same guarded client as the sources ({@link PoliteHttp}: the address policy checked at every hop), so
 * that feeds can give it as an enclosure with its real length. Off the ingestion path: a few threads of its own, a
 * bounded queue (when full, the image is not measured and feeds carry it without a length), nothing retried. An
 * image that answers without a Content-Length, or not as an image, stays unmeasured.
 */
@Component
class MainImageProbe implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MainImageProbe.class);

    private final Articles articles;
    private final PoliteHttp http;
    private final boolean enabled;
    private final ExecutorService executor = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(500), r -> {
                Thread t = new Thread(r, "relais-image-probe");
                t.setDaemon(true);
                return t;
            });

    MainImageProbe(Articles articles, PoliteHttp http, IngestSettings settings) {
        this.articles = articles;
        this.http = http;
        this.enabled = settings.probeImages();
    }

    /** After the ingestion's commit (the article must be readable), or at once outside a transaction. */
    @TransactionalEventListener(fallbackExecution = true)
    void onArticleIngested(ArticleIngested ingested) {
        if (!enabled) {
            return;
        }
        try {
            executor.execute(() -> probe(ingested.articleId(), ingested.revision()));
        } catch (RejectedExecutionException busy) {
            log.debug("Main image of article {} not measured: too many waiting", ingested.articleId());
        }
    }

    void probe(long articleId, int revision) {
        Article article = articles.find(articleId).orElse(null);
        if (article == null || article.revision() != revision) {
            return;
        }
        String url = mainImage(article.body());
        if (url == null) {
            return;
        }
        try {
            PoliteHttp.Response response = http.head(URI.create(url));
            String length = response.header("Content-Length");
            String type = response.header("Content-Type");
            String media = type == null ? null : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (response.status() == 200 && length != null && length.strip().matches("\\d{1,12}")
                    && Long.parseLong(length.strip()) > 0 && media != null && media.startsWith("image/")) {
                articles.recordMainImage(articleId, revision, url, Long.parseLong(length.strip()), media);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Main image {} of article {} not measured: {}", url, articleId, e.toString());
        }
    }

    /** The first http(s) image of the body, as the feeds take it. */
    static String mainImage(String html) {
        if (html == null) {
            return null;
        }
        Element img = Jsoup.parseBodyFragment(html).selectFirst("img[src]");
        String src = img == null ? null : img.attr("src").strip();
        return src != null && src.toLowerCase(Locale.ROOT).matches("https?://\\S+") ? src : null;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
