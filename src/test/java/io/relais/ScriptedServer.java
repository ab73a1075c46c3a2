package io.relais;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A local HTTP server on 127.0.0.1 that answers from a script and records what it was sent. */
public final class ScriptedServer implements AutoCloseable {

    public record Answer(int status, Map<String, String> headers, String body, long delayMillis, byte[] raw) {

        public Answer(int status, Map<String, String> headers, String body, long delayMillis) {
            this(status, headers, body, delayMillis, null);
        }

        /** A 200 whose body is sent gzip-compressed, with Content-Encoding: gzip. */
        public static Answer gzip(String body, Map<String, String> headers) throws IOException {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(bytes)) {
                zip.write(body.getBytes(StandardCharsets.UTF_8));
            }
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put("Content-Encoding", "gzip");
            return new Answer(200, all, body, 0, bytes.toByteArray());
        }

        public static Answer ok(String body) {
            return new Answer(200, Map.of("Content-Type", "application/json"), body, 0);
        }

        public static Answer status(int status, Map<String, String> headers) {
            return new Answer(status, headers, "{\"message\":\"busy\"}", 0);
        }
    }

    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    public final List<Received> received = new CopyOnWriteArrayList<>();

    public ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            Answer answer = script.isEmpty() ? new Answer(500, Map.of(), "no answer scripted", 0) : script.poll();
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = answer.raw() != null ? answer.raw() : answer.body().getBytes(StandardCharsets.UTF_8);
            try {
                exchange.sendResponseHeaders(answer.status(), answer.status() == 304 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    if (answer.status() != 304) {
                        out.write(bytes);
                    }
                }
            } catch (IOException clientGone) {
                // the client timed out and closed the connection
            }
        });
        server.start();
    }

    public ScriptedServer then(Answer answer) {
        script.add(answer);
        return this;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
