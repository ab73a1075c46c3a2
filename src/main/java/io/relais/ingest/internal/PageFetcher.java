package io.relais.ingest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

/**
 * Fetches an article page (for sources marked "fetch full article") with the same politeness as the feeds
 * ({@link PoliteHttp}) and the URL policy; the charset comes from the HTTP header or the page's meta (jsoup).
 */
@Component
public class PageFetcher {

    private final UrlPolicy urlPolicy;
    private final PoliteHttp http;

    PageFetcher(UrlPolicy urlPolicy, PoliteHttp http) {
        this.urlPolicy = urlPolicy;
        this.http = http;
    }

    /** The page's HTML, decoded. */
    public String fetch(String url) throws IOException, InterruptedException {
        String refusal = urlPolicy.refusal(url);
        if (refusal != null || !url.startsWith("http")) {
            throw new IOException(refusal != null ? refusal : "only http(s) pages are fetched");
        }
        PoliteHttp.Response response = http.get(URI.create(url), "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1", Map.of());
        if (response.status() != 200) {
            throw new IOException("HTTP " + response.status() + " from " + url);
        }
        String type = response.header("Content-Type");
        int at = type == null ? -1 : type.toLowerCase().indexOf("charset=");
        String charset = at < 0 ? null : type.substring(at + 8).replace("\"", "").strip();
        return Jsoup.parse(new ByteArrayInputStream(response.body()), charset, url).outerHtml();
    }
}
