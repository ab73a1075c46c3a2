package io.relais.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * The feed the cluster polls, served by the test on its lab address: each request is recorded with the node it came
 * from (by address) and the instant on the machine's monotonic clock, so that who polled when is observed from
 * outside the nodes.
 */
final class FeedServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> nodesByAddress;
    private final List<PollerHistory.Fetch> fetches = new CopyOnWriteArrayList<>();
    private volatile String feed = "";

    FeedServer(String address, Map<String, String> nodesByAddress) throws IOException {
        this.nodesByAddress = nodesByAddress;
        server = HttpServer.create(new InetSocketAddress(address, 0), 16);
        server.createContext("/feed.xml", exchange -> {
            long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
            String from = exchange.getRemoteAddress().getAddress().getHostAddress();
            fetches.add(new PollerHistory.Fetch(this.nodesByAddress.getOrDefault(from, from), at));
            byte[] body = feed.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + "/feed.xml";
    }

    void serve(String xml) {
        feed = xml;
    }

    List<PollerHistory.Fetch> fetches() {
        return List.copyOf(fetches);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
