package io.relais.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
