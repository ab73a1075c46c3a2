package io.relais.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.springframework.stereotype.Component;

/**
 * The HTTP GET that feeds and article pages share: a clear User-Agent, gzip, timeouts, at most five redirects and a
 * size limit; the body is read only for a 200.
 */
@Component
class PoliteHttp {

    record Response(int status, HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final long maxBytes;
    private final String userAgent;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    PoliteHttp(IngestProperties settings) {
        this.maxBytes = settings.maxBytes();
        this.userAgent = settings.userAgent();
    }

    Response get(URI uri, String accept, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("User-Agent", userAgent).header("Accept-Encoding", "gzip").header("Accept", accept);
        headers.forEach(request::header);
        HttpResponse<InputStream> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream raw = response.body()) {
            if (response.statusCode() != 200) {
                return new Response(response.statusCode(), response.headers(), new byte[0]);
            }
            boolean gzip = "gzip".equalsIgnoreCase(response.headers().firstValue("Content-Encoding").orElse(""));
            try (InputStream body = gzip ? new GZIPInputStream(raw) : raw) {
                byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (content.length > maxBytes) {
                    throw new IOException("response larger than " + maxBytes + " bytes");
                }
                return new Response(200, response.headers(), content);
            }
        }
    }
}
