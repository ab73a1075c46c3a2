package io.relais.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPInputStream;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The HTTP GET that feeds and article pages share (and the HEAD that measures articles' images): a clear User-Agent, gzip, timeouts, limits. Every connection's
 * addresses come from {@link UrlPolicy#resolve} (the client's DNS resolver), so the address checked is the address
 * connected to; redirects (at most five) are followed here, each hop's URL checked by the policy before it is
 * requested. What one slow or hostile server can cost is bounded:
 * <ul>
 * <li>an overall deadline for the whole GET, redirects included ({@code relais.ingest.fetch-deadline}): a server
 * that sends one byte every few seconds resets a socket timeout forever, so the request is cancelled at the
 * deadline whatever it is doing;</li>
 * <li>one request at a time per server address (not per host name: several names of one server share its
 * politeness, and a name is not held up by another server), waited for within the same deadline;</li>
 * <li>a body is read only for a 200, and at most {@code max-bytes} of it (after gzip); any other answer — 404, 500, a
 * redirect — is closed without reading its body, which HttpClient would otherwise read to the end to reuse the
 * connection; header lines and counts are limited too.</li>
 * </ul>
 */
@Component
class PoliteHttp implements DisposableBean {

    static final int MAX_REDIRECTS = 5;
    static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

    record Response(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final long maxBytes;
    private final String userAgent;
    private final UrlPolicy policy;
    private final Duration deadline;
    private final CloseableHttpClient http;
    private final Map<String, ReentrantLock> addressLocks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService cancels = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fetch-deadline");
        t.setDaemon(true);
        return t;
    });

    @Autowired
    PoliteHttp(UrlPolicy policy, IngestSettings settings) {
        this(policy, settings.maxBytes(), settings.userAgent(), settings.fetchDeadline());
    }

    PoliteHttp(UrlPolicy policy, long maxBytes, String userAgent) {
        this(policy, maxBytes, userAgent, DEFAULT_DEADLINE);
    }

    PoliteHttp(UrlPolicy policy, long maxBytes, String userAgent, Duration deadline) {
        this.policy = policy;
        this.maxBytes = maxBytes;
        this.userAgent = userAgent;
        this.deadline = deadline;
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
        Timeout socketTimeout = Timeout.ofMilliseconds(Math.min(30_000, deadline.toMillis()));
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checkedResolver)
                        .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                                .http1Config(Http1Config.custom().setMaxLineLength(16_384).setMaxHeaderCount(200).build())
                                .build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(Math.min(10_000, deadline.toMillis())))
                                .setSocketTimeout(socketTimeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(socketTimeout).build())
                .disableRedirectHandling()
                .disableContentCompression()   // gzip is asked for and read below, with the size limit on what it inflates to
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    Response get(URI uri, String accept, Map<String, String> headers) throws IOException, InterruptedException {
        return request(false, uri, accept, headers);
    }

    /**
     * A HEAD request under the same rules as {@link #get} (the policy checks every hop, at most five redirects, the
     * deadline, one request at a time per address): the status and headers of the final answer.
     */
    Response head(URI uri) throws IOException, InterruptedException {
        return request(true, uri, "*/*", Map.of());
    }

    private Response request(boolean head, URI uri, String accept, Map<String, String> headers)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        URI current = uri;
        for (int hop = 0; ; hop++) {
            InetAddress[] addresses = policy.checkHttp(current);
            URI target = current;
            Response response = politely(addresses[0], end, () -> once(head, target, accept, headers, end));
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

    private interface Request {
        Response send() throws IOException;
    }

    /** One request to this address at a time, waited for until the deadline at most. */
    private Response politely(InetAddress address, long end, Request request) throws IOException, InterruptedException {
        ReentrantLock lock = addressLocks.computeIfAbsent(address.getHostAddress(), a -> new ReentrantLock(true));
        if (!lock.tryLock(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new IOException("no answer within " + deadline.toSeconds() + " s: another request to "
                    + address.getHostAddress() + " took all of it (relais.ingest.fetch-deadline)");
        }
        try {
            return request.send();
        } finally {
            lock.unlock();
        }
    }

    private Response once(boolean head, URI uri, String accept, Map<String, String> headers, long end)
            throws IOException {
        HttpUriRequestBase get = head ? new HttpHead(uri) : new HttpGet(uri);
        get.setHeader("User-Agent", userAgent);
        get.setHeader("Accept-Encoding", "gzip");
        get.setHeader("Accept", accept);
        headers.forEach(get::setHeader);
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> cancel = cancels.schedule(() -> {
            late.set(true);
            get.cancel();
        }, Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        ClassicHttpResponse response = null;
        try {
            response = http.executeOpen(RoutingSupport.determineHost(get), get, null);
            Map<String, String> names = new HashMap<>();
            for (Header h : response.getHeaders()) {
                names.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
            }
            HttpEntity entity = response.getEntity();
            if (response.getCode() != 200 || entity == null) {
                // left unread: an error page or a redirect's body is not worth a byte of it
                return new Response(response.getCode(), names, new byte[0]);
            }
            boolean gzip = "gzip".equalsIgnoreCase(names.getOrDefault("content-encoding", ""));
            InputStream raw = entity.getContent();
            InputStream body = gzip ? new GZIPInputStream(raw) : raw;
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (content.length > maxBytes) {
                throw new IOException("response larger than " + maxBytes + " bytes");
            }
            return new Response(200, names, content);
        } catch (HttpException e) {
            throw new IOException(e.getMessage(), e);
        } catch (IOException e) {
            if (late.get()) {
                throw new IOException("no complete answer from " + uri.getHost() + " within " + deadline.toSeconds()
                        + " s (relais.ingest.fetch-deadline)", e);
            }
            throw e;
        } finally {
            cancel.cancel(false);
            // closed at once, never "gracefully": a graceful close reads what is left of the body to the end (and a
            // connection kept for later is worth nothing to a poll every few minutes)
            if (response instanceof ModalCloseable closeable) {
                closeable.close(CloseMode.IMMEDIATE);
            } else if (response != null) {
                response.close();
            }
        }
    }

    @Override
    public void destroy() throws IOException {
        cancels.shutdownNow();
        http.close(CloseMode.IMMEDIATE);
    }
}
