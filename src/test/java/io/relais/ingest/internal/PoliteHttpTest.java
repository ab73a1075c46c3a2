package io.relais.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.relais.ScriptedServer;
import io.relais.ScriptedServer.Answer;

/**
 * The URL policy at connection time, against a local server. The policy here treats 127.0.0.1 (where the test
 * server listens) as public and everything else special-purpose as internal, so that "internal" can be tried
 * without leaving the machine.
 */
class PoliteHttpTest {

    /** Strict policy, except that 127.0.0.1 counts as public; names resolve through a scripted DNS. */
    static class TestPolicy extends UrlPolicy {
        final Map<String, List<String>> dns;
        final List<String> lookups = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();

        TestPolicy(Map<String, List<String>> dns) {
            super(false, false);
            this.dns = dns;
        }

        @Override
        InetAddress[] lookup(String host) throws UnknownHostException {
            lookups.add(host);
            List<String> answers = dns.get(host);
            if (answers == null) {
                return InetAddress.getAllByName(host);
            }
            // a rebinding DNS server: a different answer on each lookup
            String answer = answers.get(Math.min(calls.getAndIncrement(), answers.size() - 1));
            return new InetAddress[] {InetAddress.getByName(answer)};
        }

        @Override
        String internalBlock(InetAddress address) {
            return address.getHostAddress().equals("127.0.0.1") ? null : super.internalBlock(address);
        }
    }

    static PoliteHttp http(UrlPolicy policy) {
        return new PoliteHttp(policy, 1_000_000, "http://localhost:8080");
    }

    @Test
    void aRedirectToAnInternalAddressIsRefusedBeforeItIsRequested() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            int port = server.uri().getPort();
            server.then(new Answer(302, Map.of("Location", "http://127.0.0.2:" + port + "/secret"), "", 0))
                    .then(Answer.ok("secret"));
            assertThatThrownBy(() -> http(new TestPolicy(Map.of())).get(server.uri().resolve("/feed"), "*/*", Map.of()))
                    .hasMessageContaining("redirect from").hasMessageContaining("internal address");
            assertThat(server.received).hasSize(1);
        }
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(new Answer(301, Map.of("Location", "file:///etc/passwd"), "", 0));
            assertThatThrownBy(() -> http(new TestPolicy(Map.of())).get(server.uri(), "*/*", Map.of()))
                    .hasMessageContaining("unsupported URL scheme 'file'");
        }
    }

    @Test
    void anAllowedRedirectIsFollowedAndTooManyAreRefused() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(new Answer(302, Map.of("Location", "/moved"), "", 0)).then(Answer.ok("{\"ok\":1}"));
            PoliteHttp.Response response = http(new TestPolicy(Map.of())).get(server.uri(), "*/*", Map.of());
            assertThat(response.status()).isEqualTo(200);
            assertThat(new String(response.body())).isEqualTo("{\"ok\":1}");
            assertThat(server.received.get(1).path()).isEqualTo("/moved");

            for (int i = 0; i <= PoliteHttp.MAX_REDIRECTS; i++) {
                server.then(new Answer(302, Map.of("Location", "/loop" + i), "", 0));
            }
            assertThatThrownBy(() -> http(new TestPolicy(Map.of())).get(server.uri(), "*/*", Map.of()))
                    .hasMessageContaining("more than " + PoliteHttp.MAX_REDIRECTS + " redirects");
        }
    }

    @Test
    void theConnectionGoesToTheAddressThatWasCheckedAndARebindingAnswerIsRefused() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(Answer.ok("first")).then(Answer.ok("second"));
            // feeds.test does not exist: reaching the server proves the connection used the checked answer
            TestPolicy policy = new TestPolicy(Map.of("feeds.test", List.of("127.0.0.1", "127.0.0.1", "10.0.0.1")));
            PoliteHttp http = http(policy);
            URI uri = URI.create("http://feeds.test:" + server.uri().getPort() + "/feed");
            assertThat(new String(http.get(uri, "*/*", Map.of()).body())).isEqualTo("first");
            // later the name answers an internal address: refused, nothing is sent
            PoliteHttp fresh = http(policy);
            assertThatThrownBy(() -> fresh.get(uri, "*/*", Map.of())).hasMessageContaining("internal address");
            assertThat(server.received).hasSize(1);
            assertThat(server.received.get(0).header("Host")).isEqualTo("feeds.test:" + server.uri().getPort());
        }
    }

    /**
     * A server on this machine that answers each connection with a handler of its own (raw bytes, as slowly or as
     * much as it likes) and counts what it wrote.
     */
    static final class RawServer implements AutoCloseable {
        interface Handler {
            void answer(java.net.Socket socket, RawServer server) throws Exception;
        }

        final java.net.ServerSocket socket;
        final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        final List<Long> arrivals = new CopyOnWriteArrayList<>();
        final List<Long> departures = new CopyOnWriteArrayList<>();
        /** When each answer began to be written: before its client can have read any of it. */
        final List<Long> answers = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        RawServer(String address, Handler handler) throws Exception {
            socket = new java.net.ServerSocket(0, 50, InetAddress.getByName(address));
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        java.net.Socket connection = socket.accept();
                        new Thread(() -> {
                            try (connection) {
                                // the request head, then the answer
                                java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                                        connection.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
                                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                                    // headers are not needed
                                }
                                arrivals.add(System.nanoTime());
                                handler.answer(connection, this);
                            } catch (Exception gone) {
                                // the client closed the connection: what it did not read was not written
                            } finally {
                                departures.add(System.nanoTime());
                            }
                        }).start();
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            acceptor.start();
        }

        URI uri(String host) {
            return URI.create("http://" + host + ":" + socket.getLocalPort() + "/feed.xml");
        }

        void write(java.net.Socket connection, byte[] bytes) throws java.io.IOException {
            answers.add(System.nanoTime());
            connection.getOutputStream().write(bytes);
            connection.getOutputStream().flush();
            written.addAndGet(bytes.length);
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void aServerThatDripsItsAnswerIsCutAtTheDeadlineWhateverItsSocketTimeouts() throws Exception {
        try (RawServer server = new RawServer("127.0.0.1", (connection, s) -> {
            s.write(connection, ascii("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n"));
            for (int i = 0; i < 600; i++) {   // one byte every 100 ms: a minute if nobody stops it
                s.write(connection, ascii("<"));
                Thread.sleep(100);
            }
        })) {
            PoliteHttp http = new PoliteHttp(new TestPolicy(Map.of()), 1_000_000, "Relais/test", java.time.Duration.ofSeconds(2));
            long start = System.nanoTime();
            assertThatThrownBy(() -> http.get(server.uri("127.0.0.1"), "*/*", Map.of()))
                    .hasMessageContaining("within 2 s").hasMessageContaining("fetch-deadline");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as("cut at the deadline, not after a minute")
                    .isLessThan(java.time.Duration.ofSeconds(30));
        }
    }

    @Test
    void noBodyIsReadBeyondTheLimitWhateverTheStatusAndThatOfAnErrorOrARedirectNotAtAll() throws Exception {
        long huge = 300_000_000L;
        for (String status : List.of("200 OK", "404 Not Found", "500 Internal Server Error", "302 Found")) {
            try (RawServer server = new RawServer("127.0.0.1", (connection, s) -> {
                s.write(connection, ascii("HTTP/1.1 " + status + "\r\nContent-Type: text/html\r\nContent-Length: " + huge
                        + (status.startsWith("302") ? "\r\nLocation: http://127.0.0.1:1/elsewhere" : "") + "\r\n\r\n"));
                byte[] chunk = new byte[65_536];
                for (long sent = 0; sent < huge; sent += chunk.length) {
                    s.write(connection, chunk);
                }
            })) {
                PoliteHttp http = new PoliteHttp(new TestPolicy(Map.of("redirect.test", List.of("127.0.0.1"))),
                        1_000_000, "Relais/test", java.time.Duration.ofSeconds(60));
                try {
                    PoliteHttp.Response response = http.get(server.uri("127.0.0.1"), "*/*", Map.of());
                    assertThat(response.body()).as(status).isEmpty();
                    assertThat(status).doesNotStartWith("200");
                } catch (java.io.IOException refused) {
                    // a 200 too large for the limit; a redirect to a port nobody listens on
                    assertThat(refused.getMessage()).as(status).containsAnyOf("larger than 1000000 bytes", "refused");
                }
                // what the server managed to write before the connection was closed: socket buffers, not the body
                await().atMost(java.time.Duration.ofSeconds(60)).until(() -> server.departures.size() == 1);
                assertThat(server.written.get()).as(status + ": bytes the server could write").isLessThan(30_000_000L);
            }
        }
    }

    @Test
    void requestsToOneAddressGoOneAtATimeWhateverTheHostNameAndOtherAddressesAreNotHeldUp() throws Exception {
        java.util.concurrent.CountDownLatch otherAnswered = new java.util.concurrent.CountDownLatch(1);
        try (RawServer slow = new RawServer("127.0.0.1", (connection, s) -> {
            // the first request is held until the other address has answered, or a second one arrives here
            if (s.arrivals.size() == 1) {
                long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < until && s.arrivals.size() == 1) {
                    otherAnswered.await(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (otherAnswered.getCount() == 0) {
                        until = Math.min(until, System.nanoTime() + java.time.Duration.ofSeconds(2).toNanos());
                    }
                }
            }
            s.write(connection, ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"));
        });
             RawServer other = new RawServer("127.0.0.2", (connection, s) -> s.write(connection,
                     ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")))) {
            TestPolicy policy = new TestPolicy(Map.of("a.test", List.of("127.0.0.1"), "b.test", List.of("127.0.0.1"),
                    "c.test", List.of("127.0.0.2"))) {
                @Override
                InetAddress[] lookup(String host) throws UnknownHostException {
                    return new InetAddress[] {InetAddress.getByName(dns.get(host).get(0))};
                }

                @Override
                String internalBlock(InetAddress address) {
                    return address.getHostAddress().startsWith("127.0.0.") ? null : super.internalBlock(address);
                }
            };
            PoliteHttp http = new PoliteHttp(policy, 1_000_000, "Relais/test", java.time.Duration.ofSeconds(60));
            java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.concurrent.Future<PoliteHttp.Response> first = clients.submit(() -> http.get(slow.uri("a.test"), "*/*", Map.of()));
            await().atMost(java.time.Duration.ofSeconds(60)).until(() -> slow.arrivals.size() == 1);
            java.util.concurrent.Future<PoliteHttp.Response> second = clients.submit(() -> http.get(slow.uri("b.test"), "*/*", Map.of()));
            // another server's address answers while the first request is still held
            assertThat(http.get(other.uri("c.test"), "*/*", Map.of()).status()).isEqualTo(200);
            assertThat(slow.departures).as("the first request is still held").isEmpty();
            otherAnswered.countDown();
            assertThat(first.get(60, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(second.get(60, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(200);
            clients.shutdown();
            assertThat(slow.arrivals).hasSize(2);
            // (compared with the moment a.test's answer began to be written: the departure is recorded only once the
            // server's thread has closed the connection, which may come after the client has read the answer)
            assertThat(slow.arrivals.get(1)).as("b.test (the same address) was asked only once a.test had its answer")
                    .isGreaterThan(slow.answers.get(0));
        }
    }
}
