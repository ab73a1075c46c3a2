package io.relais.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * What {@code ./relais cluster 3} itself starts survives its nodes: the worker on the second port is SIGKILLed, the
 * script says so naming the node's log, the two other nodes keep answering, and the worker comes back; Ctrl-C
 * (SIGINT to the script) then stops every node and leaves no java process behind. The script runs as an operator
 * runs it, on its own ports (from 18180, not to meet a {@code ./relais run} on 8080), database and state folder,
 * against the PostgreSQL and RabbitMQ that {@code ./relais test-cluster} started.
 */
@Tag("cluster")
class ClusterScriptTest {

    private static final int BASE = 18180;
    private static final String DATABASE = "relais_cluster_script_test";

    private final Path state = Path.of("target/cluster-script/state").toAbsolutePath();
    private final Path output = Path.of("target/cluster-script/relais-cluster.out").toAbsolutePath();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aKilledNodeIsReportedAndRestartedWhileTheOthersServeAndCtrlCStopsEveryNode() throws Exception {
        ClusterNodes.run(Map.of(), "./relais", "services", DATABASE);
        FileSystemUtils.deleteRecursively(state.getParent());
        Files.createDirectories(state);
        assertThat(Path.of("target/relais.jar")).as("./relais test-cluster packages the jar first").exists();

        // env --default-signal=INT: a test run started in the background (nohup, `&`) ignores SIGINT, the script would
        // inherit that, and bash cannot trap a signal ignored on entry: Ctrl-C, below, would then do nothing
        ProcessBuilder builder = new ProcessBuilder("env", "--default-signal=INT", "./relais", "cluster", "3",
                "--relais.batch.run-after-ingest=false", "--relais.batch.schedule=-",
                "--relais.ingest.poll-on-start=false", "--relais.ingest.inbox-dir=" + state.resolve("inbox"))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("RELAIS_SECURITY_ADMIN_PASSWORD");   // the script generates one
        builder.environment().putAll(Map.of("SERVER_PORT", String.valueOf(BASE), "RELAIS_CLUSTER_DIR", state.toString(),
                "RELAIS_CLUSTER_DB", DATABASE, "JAVA_OPTS", "-Xmx1g -XX:+UseSerialGC"));
        Process script = builder.start();
        List<Long> javas = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                awaitUp(script, BASE + i, Duration.ofMinutes(20));
            }
            Path passwordFile = state.resolve("admin-password");
            assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String password = Files.readString(passwordFile).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(get(BASE, "/api/jobs", password).statusCode()).as("admin with the generated password").isEqualTo(200);

            long worker = pid("node-1");
            javas.add(worker);
            javas.add(pid("node-0"));
            javas.add(pid("node-2"));
            ProcessHandle.of(worker).orElseThrow().destroyForcibly();   // SIGKILL, as if the machine died

            ClusterNodes.await(Duration.ofMinutes(1), "the script did not report node-1's death: " + output(),
                    () -> output().contains("node-1 (worker, port " + (BASE + 1) + ") stopped after"));
            assertThat(output()).contains("killed by SIGKILL").contains("see " + state.resolve("node-1.log"))
                    .contains("the other nodes keep serving");
            assertThat(status(BASE + 1)).as("node-1 is down").isZero();
            assertThat(status(BASE)).as("node-0 while node-1 is down").isEqualTo(200);
            assertThat(status(BASE + 2)).as("node-2 while node-1 is down").isEqualTo(200);
            assertThat(get(BASE + 2, "/api/jobs", password).statusCode()).isEqualTo(200);

            awaitUp(script, BASE + 1, Duration.ofMinutes(20));
            long restarted = pid("node-1");
            assertThat(restarted).isNotEqualTo(worker);
            javas.add(restarted);
            assertThat(Files.readString(state.resolve("node-1.log"))).contains("node-1 stopped after")
                    .contains("killed by SIGKILL");

            new ProcessBuilder("kill", "-INT", String.valueOf(script.pid())).start().waitFor();
            assertThat(script.waitFor(3, TimeUnit.MINUTES)).as("the script ended after Ctrl-C").isTrue();
            assertThat(script.exitValue()).isEqualTo(130);
            assertThat(output()).contains("all nodes stopped");
            assertThat(javas).as("java processes left running").noneMatch(ClusterScriptTest::alive);
            assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                    .contains(state.toString())).map(ProcessHandle::pid).toList()).as("processes of this cluster").isEmpty();
        } finally {
            if (script.isAlive()) {
                script.destroy();
                script.waitFor(2, TimeUnit.MINUTES);
            }
            javas.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    private long pid(String node) throws IOException {
        return Long.parseLong(Files.readString(state.resolve(node + ".pid")).strip());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private void awaitUp(Process script, int port, Duration within) {
        ClusterNodes.await(within, "no node answered on port " + port + ": " + output(), () -> {
            if (!script.isAlive()) {
                throw new AssertionError("./relais cluster ended: " + output());
            }
            return status(port) == 200;
        });
    }

    /** The anonymous health check's status, 0 when nothing answers. */
    private int status(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private HttpResponse<String> get(int port, String path, String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "";
        }
    }
}
