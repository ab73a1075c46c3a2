package io.relais.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The HTTP GET that feeds and article pages share: a clear User-Agent, gzip, timeouts, a size limit; the body is
 * read only for a 200. Every connection's addresses come from {@link UrlPolicy#resolve} (the client's DNS
 * resolver), so the address checked is the address connected to; redirects (at most five) are followed here, each
 * hop's URL checked by the policy before it is requested.
 */
@Component
class PoliteHttp implements DisposableBean {

    static final int MAX_REDIRECTS = 5;

    record Response(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final long maxBytes;
    private final String userAgent;
    private final UrlPolicy policy;
    private final CloseableHttpClient http;

    @Autowired
    PoliteHttp(UrlPolicy policy, IngestSettings settings) {
        this(policy, settings.maxBytes(), settings.userAgent());
    }

    PoliteHttp(UrlPolicy policy, long maxBytes, String userAgent) {
        this.policy = policy;
        this.maxBytes = maxBytes;
        this.userAgent = userAgent;
        DnsResolver checkedResolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return policy.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checkedResolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(10)).setSocketTimeout(Timeout.ofSeconds(30)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
                .disableRedirectHandling()
                .disableContentCompression()   // gzip is asked for and read below, with the size limit on what it inflates to
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    Response get(URI uri, String accept, Map<String, String> headers) throws IOException, InterruptedException {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            policy.checkHttp(current);
            Response response = once(current, accept, headers);
            String location = response.header("Location");
            if (response.status() < 300 || response.status() >= 400 || response.status() == 304 || location == null) {
                return response;
            }
            if (hop == MAX_REDIRECTS) {
                throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + uri);
            }
            URI next;
            try {
                next = current.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                throw new IOException("unreadable redirect from " + current + ": " + location);
            }
            try {
                policy.checkHttp(next);
            } catch (IOException refused) {
                throw new IOException("redirect from " + current + " to " + next + " refused: " + refused.getMessage());
            }
            current = next;
        }
    }

    private Response once(URI uri, String accept, Map<String, String> headers) throws IOException {
        HttpGet get = new HttpGet(uri);
        get.setHeader("User-Agent", userAgent);
        get.setHeader("Accept-Encoding", "gzip");
        get.setHeader("Accept", accept);
        headers.forEach(get::setHeader);
        return http.execute(get, (ClassicHttpResponse response) -> {
            Map<String, String> names = new HashMap<>();
            for (Header h : response.getHeaders()) {
                names.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
            }
            HttpEntity entity = response.getEntity();
            if (response.getCode() != 200 || entity == null) {
                return new Response(response.getCode(), names, new byte[0]);
            }
            boolean gzip = "gzip".equalsIgnoreCase(names.getOrDefault("content-encoding", ""));
            try (InputStream raw = entity.getContent(); InputStream body = gzip ? new GZIPInputStream(raw) : raw) {
                byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (content.length > maxBytes) {
                    throw new IOException("response larger than " + maxBytes + " bytes");
                }
                return new Response(200, names, content);
            }
        });
    }

    @Override
    public void destroy() throws IOException {
        http.close(CloseMode.IMMEDIATE);
    }
}
