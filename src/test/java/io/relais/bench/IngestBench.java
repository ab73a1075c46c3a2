package io.relais.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.relais.RelaisApplication;
import io.relais.ScriptedServer;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.ingest.ArticleIngestor;
import io.relais.ingest.IncomingArticle;
import io.relais.ingest.internal.FeedParser;
import io.relais.ingest.internal.FetchedFeed;
import io.relais.ingest.internal.FrenchLanguageGate;
import io.relais.article.HtmlSanitizer;

/**
 * Ingestion throughput: a local HTTP server serves a feed of FLORES French paragraphs; Relais's own beans (in the
 * real application context, H2 in memory) fetch it, parse it with Rome and ingest every item (sanitising, language
 * gate, dedupe, storage). Prints items/second and the share of each stage. Run with {@code bench/ingest [items]}.
 */
public final class IngestBench {

    public static void main(String[] args) throws Exception {
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        List<String> sentences = TranslationBench.read(Path.of(args.length > 0 ? args[0] : "../shared/eval/flores200")
                .resolve("devtest.fra"), 1012);
        StringBuilder feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Bench</title><link>https://exemple.fr/</link><description>bench</description>");
        for (int i = 0; i < items; i++) {
            String title = sentences.get(i % sentences.size());
            String body = "<p>" + sentences.get((i + 1) % sentences.size()) + " " + sentences.get((i + 2) % sentences.size())
                    + "</p><p>" + sentences.get((i + 3) % sentences.size()) + "</p>";
            feed.append("<item><title>").append(escape(title)).append("</title><link>https://exemple.fr/a/").append(i)
                    .append("</link><guid>bench-").append(i).append("</guid><description>").append(escape(body))
                    .append("</description></item>");
        }
        feed.append("</channel></rss>");

        try (ScriptedServer server = new ScriptedServer();
             ConfigurableApplicationContext context = new SpringApplicationBuilder(RelaisApplication.class)
                     .web(WebApplicationType.NONE).logStartupInfo(false)
                     // command-line arguments win over application.yml (builder properties would only be defaults)
                     .run("--spring.datasource.url=jdbc:h2:mem:ingestbench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                                     + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                             "--relais.ingest.sources=", "--relais.batch.run-after-ingest=false",
                             "--relais.batch.schedule=-", "--relais.ingest.inbox-dir=target/bench-inbox",
                             "--relais.publish.feeds-dir=target/bench-feeds", "--logging.level.root=WARN")) {
            server.then(ScriptedServer.Answer.ok(feed.toString()));
            Sources sources = context.getBean(Sources.class);
            FeedParser parser = context.getBean(FeedParser.class);
            ArticleIngestor ingestor = context.getBean(ArticleIngestor.class);
            HtmlSanitizer sanitizer = context.getBean(HtmlSanitizer.class);
            FrenchLanguageGate gate = context.getBean(FrenchLanguageGate.class);
            Source source = sources.create(server.uri() + "feed.xml", "bench", 3600, false).orElseThrow();

            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(source.url())).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            long t1 = System.nanoTime();
            List<IncomingArticle> parsed = parser.parse(new FetchedFeed(source.id(), source.url(), response.body(), "application/xml"));
            long t2 = System.nanoTime();
            long sanitize = 0;
            long language = 0;
            for (IncomingArticle item : parsed) {
                long a = System.nanoTime();
                String clean = sanitizer.sanitize(item.bodyHtml(), item.url());
                long b = System.nanoTime();
                gate.refusal(item.title() + ". " + sanitizer.text(clean));
                long c = System.nanoTime();
                sanitize += b - a;
                language += c - b;
            }
            long t3 = System.nanoTime();
            int stored = 0;
            for (IncomingArticle item : parsed) {
                try {
                    ingestor.ingest(item);
                    stored++;
                } catch (RuntimeException refused) {
                    // counted as not stored
                }
            }
            long t4 = System.nanoTime();
            // the gate repeats sanitising and language identification: storage is what remains of its time
            long storage = Math.max(0, (t4 - t3) - sanitize - language);
            long total = (t1 - t0) + (t2 - t1) + (t4 - t3);
            System.out.printf(Locale.ROOT, "%d feed items (%d KiB), %d stored%n", parsed.size(), response.body().length / 1024,
                    stored);
            System.out.printf(Locale.ROOT, "ingested: %.0f items/s (fetch + parse + gate + storage, %.2f s)%n%n",
                    parsed.size() / (total / 1e9), total / 1e9);
            print("fetch (HTTP, local)", t1 - t0, total);
            print("parse (Rome)", t2 - t1, total);
            print("sanitise (jsoup)", sanitize, total);
            print("language gate (LanguageTool)", language, total);
            print("dedupe + storage (H2)", storage, total);
        }
    }

    private static void print(String stage, long nanos, long total) {
        System.out.printf(Locale.ROOT, "%-30s %8.3f s %6.1f %%%n", stage, nanos / 1e9, 100.0 * nanos / total);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
