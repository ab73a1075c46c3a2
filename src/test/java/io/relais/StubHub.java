package io.relais;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A local WebSub hub that accepts publish pings (204) and records the topic URLs it was told about. */
public final class StubHub {

    public static final StubHub INSTANCE = new StubHub();

    private final HttpServer server;
    private final List<String> pings = new CopyOnWriteArrayList<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();

    private StubHub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hub", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String mode = null;
            String url = null;
            for (String pair : form.split("&")) {
                String[] kv = pair.split("=", 2);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                if (kv[0].equals("hub.mode")) {
                    mode = value;
                } else if (kv[0].equals("hub.url")) {
                    url = value;
                }
            }
            boolean ok = "POST".equals(exchange.getRequestMethod()) && "publish".equals(mode) && url != null
                    && exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/x-www-form-urlencoded");
            if (ok) {
                pings.add(url);
                userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            }
            exchange.sendResponseHeaders(ok ? 204 : 400, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hub";
    }

    /** The User-Agent of each ping, in the order of {@link #pings()}. */
    public List<String> userAgents() {
        return List.copyOf(userAgents);
    }

    /** The topics pinged so far, oldest first. */
    public List<String> pings() {
        return List.copyOf(pings);
    }
}
