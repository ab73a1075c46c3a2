package io.relais.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches an article page (for sources marked "fetch full article"): same politeness as the feed fetcher
 * (User-Agent, gzip, timeouts, size limit, URL policy); the charset comes from the HTTP header or the page's meta
 * (jsoup's detection).
 */
@Component
public class PageFetcher {

    private final UrlPolicy urlPolicy;
    private final long maxBytes;
    private final String userAgent;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    PageFetcher(UrlPolicy urlPolicy, @Value("${relais.ingest.max-bytes:5000000}") long maxBytes,
                @Value("${relais.publish.base-url:http://localhost:8080}") String baseUrl) {
        this.urlPolicy = urlPolicy;
        this.maxBytes = maxBytes;
        this.userAgent = "Relais/0.1 (feed translator; +" + baseUrl + ")";
    }

    /** The page's HTML, decoded. */
    public String fetch(String url) throws IOException, InterruptedException {
        String refusal = urlPolicy.refusal(url);
        if (refusal != null || !url.startsWith("http")) {
            throw new IOException(refusal != null ? refusal : "only http(s) pages are fetched");
        }
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("User-Agent", userAgent).header("Accept-Encoding", "gzip")
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream raw = response.body();
             InputStream body = "gzip".equalsIgnoreCase(response.headers().firstValue("Content-Encoding").orElse(""))
                     ? new GZIPInputStream(raw) : raw) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + url);
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new IOException("page larger than " + maxBytes + " bytes");
            }
            String charset = response.headers().firstValue("Content-Type").map(t -> {
                int at = t.toLowerCase().indexOf("charset=");
                return at < 0 ? null : t.substring(at + 8).replace("\"", "").strip();
            }).orElse(null);
            return Jsoup.parse(new java.io.ByteArrayInputStream(bytes), charset, url).outerHtml();
        }
    }
}
