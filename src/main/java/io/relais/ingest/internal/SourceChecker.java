package io.relais.ingest.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;

import io.relais.ingest.SourceCheck;

/**
 * The live check an operator sees before adding a source: one GET (same politeness and size limit as polling),
 * Rome's parse, and the French gate on each item's title and text. Nothing is stored: no dead letter, no source
 * health, since the source does not exist yet.
 */
@Component
public class SourceChecker {

    private final PoliteHttp http;
    private final UrlPolicy urlPolicy;
    private final FrenchLanguageGate french;

    SourceChecker(PoliteHttp http, UrlPolicy urlPolicy, FrenchLanguageGate french) {
        this.http = http;
        this.urlPolicy = urlPolicy;
        this.french = french;
    }

    public SourceCheck check(String url) {
        byte[] content;
        String contentType = "application/xml";
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("file")) {
                String refusal = urlPolicy.schemeRefusal(url);
                if (refusal != null) {
                    return new SourceCheck(url, false, false, null, 0, 0, null, refusal);
                }
                Path path = uri.isOpaque() ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri);
                content = Files.readAllBytes(path);
            } else {
                // the URL policy checks the host, and every redirect, inside PoliteHttp
                PoliteHttp.Response response = http.get(uri,
                        "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, text/html;q=0.5, "
                                + "*/*;q=0.1",
                        Map.of());
                if (response.status() != 200) {
                    return new SourceCheck(url, false, false, null, 0, 0, null, "HTTP " + response.status());
                }
                content = response.body();
                if (response.header("Content-Type") != null) {
                    contentType = response.header("Content-Type");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SourceCheck(url, false, false, null, 0, 0, null, "interrupted");
        } catch (Exception e) {
            return new SourceCheck(url, false, false, null, 0, 0, null, message(e));
        }
        SyndFeed feed;
        try {
            feed = FeedParser.read(new FetchedFeed(0, url, content, contentType));
        } catch (Exception e) {
            List<SourceCheck.DiscoveredFeed> discovered = FeedDiscovery.announced(url, content, contentType);
            if (!discovered.isEmpty()) {
                return new SourceCheck(url, true, false, null, 0, 0, null,
                        "this is a web page, not a feed: it announces " + discovered.size() + " feed(s)", discovered);
            }
            return new SourceCheck(url, true, false, null, 0, 0, null, "not a readable RSS or Atom feed: " + message(e));
        }
        int frenchItems = 0;
        for (SyndEntry entry : feed.getEntries()) {
            String body = entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null)
                    .findFirst().orElse(entry.getDescription() == null ? "" : entry.getDescription().getValue());
            String text = (entry.getTitle() == null ? "" : entry.getTitle()) + ". " + Jsoup.parse(body == null ? "" : body).text();
            if (french.refusal(text).isEmpty()) {
                frenchItems++;
            }
        }
        String first = feed.getEntries().isEmpty() ? null : feed.getEntries().get(0).getTitle();
        String problem = feed.getEntries().isEmpty() ? "the feed has no items"
                : frenchItems == 0 ? "no item is in French: Relais translates French articles only" : null;
        return new SourceCheck(url, true, true, feed.getTitle(), feed.getEntries().size(), frenchItems, first, problem);
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
