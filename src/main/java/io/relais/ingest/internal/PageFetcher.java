package io.relais.ingest.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Fetches an article page (for sources marked "fetch full article") with the same politeness as the feeds
 * ({@link PoliteHttp}) and the URL policy; the text is decoded strictly (byte order mark, {@code <meta charset>},
 * HTTP charset, UTF-8). A page that cannot be had leaves the feed's version of the article in place.
 */
@Component
public class PageFetcher {

    private final UrlPolicy urlPolicy;
    private final PoliteHttp http;

    PageFetcher(UrlPolicy urlPolicy, PoliteHttp http) {
        this.urlPolicy = urlPolicy;
        this.http = http;
    }

    /** The page's HTML, decoded as every way in decodes ({@link PayloadDecoder}); undecodable text is an error. */
    public String fetch(String url) throws IOException, InterruptedException {
        String refusal = urlPolicy.schemeRefusal(url);
        if (refusal != null || !url.startsWith("http")) {
            throw new IOException(refusal != null ? refusal : "only http(s) pages are fetched");
        }
        // the host (and every redirect) is checked by the URL policy inside PoliteHttp, where it connects
        PoliteHttp.Response response = http.get(URI.create(url), "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1", Map.of());
        if (response.status() != 200) {
            throw new IOException("HTTP " + response.status() + " from " + url);
        }
        try {
            return PayloadDecoder.decode(response.body(), PayloadDecoder.charsetOf(response.header("Content-Type")));
        } catch (IllegalArgumentException undecodable) {
            throw new IOException("page " + url + " not decodable: " + undecodable.getMessage());
        }
    }
}
