package io.relais.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import io.relais.testing.ExitedProcess;

/**
 * Real Relais processes for the cluster tests: {@code java -jar target/relais.jar} in cluster mode, each with its own
 * port and log. On their own ({@link #ClusterNodes()}) they run on this machine's loopback against the local
 * PostgreSQL and RabbitMQ that {@code ./relais test-cluster} started; in a {@link NetworkLab} each node is a host of
 * its own (a network namespace and an address) and the lab's database and broker are on addresses of theirs, so
 * that a node can be cut off without being stopped, and its wall clock can be set apart (libfaketime). The crash tests
 * of the ordinary suite start the single-machine default the same way, from the test's own classpath
 * ({@link #fromTestClasspath}: no packaged jar needed).
 */
public final class ClusterNodes implements AutoCloseable {

    final String pgPort = System.getProperty("relais.cluster.test.pg-port", "5432");
    final String jdbcUrl;
    public final String adminPassword = UUID.randomUUID().toString();
    public final Path dir;
    private final List<String> launcher;
    private final NetworkLab lab;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Duration> clocks = new LinkedHashMap<>();

    /** A node: its name, the address and port it answers on, its process and its log. */
    public record Node(String name, int port, Process process, Path log, String host) {
        public String url(String path) {
            return "http://" + host + ":" + port + path;
        }
    }

    ClusterNodes() throws IOException {
        this(null);
    }

    /** Nodes inside the lab's namespaces, on its database and broker ({@code null}: this machine's loopback). */
    ClusterNodes(NetworkLab lab) throws IOException {
        this(Path.of("target/cluster-test"), jarLauncher(), lab, "relais_cluster_test");
    }

    /** Nodes on this machine's loopback, on their own database (created fresh by {@code ./relais test-cluster}) and
     *  under their own directory. */
    ClusterNodes(String database, String directory) throws IOException {
        this(Path.of("target", directory), jarLauncher(), null, database);
    }

    private static List<String> jarLauncher() {
        // the client compiler only: three nodes start on two cores beside the test (and C2 pays off only in long runs)
        return List.of("-XX:TieredStopAtLevel=1", "-jar", Path.of("target/relais.jar").toAbsolutePath().toString());
    }

    private ClusterNodes(Path dir, List<String> launcher, NetworkLab lab, String database) throws IOException {
        this.dir = dir.toAbsolutePath();
        this.launcher = launcher;
        this.lab = lab;
        this.jdbcUrl = lab != null ? lab.jdbcUrl()
                : "jdbc:postgresql://localhost:" + pgPort + "/" + database;
        Files.createDirectories(this.dir);
    }

    /**
     * Processes started from the classes this test runs with (main classes and dependencies; not the test classes,
     * whose components must not join the service), for tests that run before any jar is packaged.
     */
    public static ClusterNodes fromTestClasspath(Path dir) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String main = java.util.Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        Files.createDirectories(dir);
        Path arguments = dir.toAbsolutePath().resolve("classpath.args");
        // an argument file: the class path is longer than some systems allow on a command line
        Files.writeString(arguments, "-cp \"" + main.replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
        // the client compiler only: these processes live a minute, and start faster without C2; and the smallest
        // heap measured to run the five default languages (bench/soak), since they run beside the test's own JVM
        return new ClusterNodes(dir, List.of("-XX:TieredStopAtLevel=1", "-Xmx640m", "@" + arguments,
                "io.relais.RelaisApplication"), null, "relais_cluster_test");
    }

    Node start(String name, int port, String roles, List<String> extraArgs) throws IOException {
        return start(name, port, roles, Duration.ZERO, extraArgs);
    }

    /** A lab node whose wall clock is {@code clock} away from the machine's (libfaketime), from its start. */
    Node start(String name, int port, String roles, Duration clock, List<String> extraArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--relais.cluster.enabled=true",
                "--relais.cluster.roles=" + roles,
                "--relais.cluster.node-id=" + name,
                "--relais.ingest.inbox-dir=" + dir.resolve("inbox")));
        if (lab != null) {
            args.addAll(List.of("--relais.cluster.rabbit.host=" + NetworkLab.BROKER,
                    "--relais.cluster.rabbit.username=relais", "--relais.cluster.rabbit.password=relais"));
        }
        args.addAll(extraArgs);
        Map<String, String> env = new LinkedHashMap<>(Map.of("RELAIS_DB_URL", jdbcUrl, "RELAIS_DB_USER", "relais",
                "RELAIS_DB_PASSWORD", "relais"));
        if (!clock.isZero()) {
            if (lab == null) {
                throw new IllegalStateException("clocks are moved in the cluster lab only");
            }
            env.putAll(NetworkLab.clockEnvironment(clock));
            clocks.put(name, clock);
        }
        return startProcess(name, port, env, args);
    }

    /**
     * What to add to the monotonic milliseconds a node prints to have this machine's: 0 for a node on the machine's
     * clocks; for a node under libfaketime, whose monotonic clock is its fake wall clock, minus its offset and the
     * machine's distance between wall and monotonic clocks.
     */
    long monotonicShiftMillis(String name) {
        Duration clock = clocks.get(name);
        if (clock == null) {
            return 0;
        }
        long wallMinusMonotonic = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
        return -clock.toMillis() - wallMinusMonotonic;
    }

    /**
     * Any Relais process (cluster node or the single-machine default): runs are started by the caller only (no run
     * after ingestion, so no express lane either, and no schedule) unless {@code extraArgs} set those keys.
     */
    Node startProcess(String name, int port, Map<String, String> env, List<String> extraArgs) throws IOException {
        return startProcess(name, port, env, extraArgs, null);
    }

    /**
     * The same in a working directory of its own ({@code null}: this one), where the defaults' relative paths
     * ({@code data/}, {@code inbox/}) then lead.
     */
    public Node startProcess(String name, int port, Map<String, String> env, List<String> extraArgs, Path workingDir)
            throws IOException {
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g", "-XX:+UseSerialGC"));
        command.addAll(launcher);
        command.addAll(List.of(
                "--server.port=" + port,
                "--relais.routes-dir=" + Path.of("routes").toAbsolutePath(),
                "--relais.publish.feeds-dir=" + dir.resolve(name).resolve("feeds")));
        // runs are started by the caller only, and nodes load LanguageTool when they first translate (no warm-up),
        // unless the caller says otherwise (a key given twice would be a list)
        for (String fallback : List.of("--relais.batch.run-after-ingest=false", "--relais.batch.schedule=-",
                "--relais.batch.express.warm-up=false")) {
            String key = fallback.substring(0, fallback.indexOf('=') + 1);
            if (extraArgs.stream().noneMatch(a -> a.startsWith(key))) {
                command.add(fallback);
            }
        }
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (workingDir != null) {
            Files.createDirectories(workingDir);
            builder.directory(workingDir.toFile());
        }
        builder.environment().putAll(env);
        builder.environment().put("RELAIS_SECURITY_ADMIN_PASSWORD", adminPassword);
        String host = "localhost";
        if (lab != null) {
            host = lab.node(name);
            builder.command(lab.inNode(name, builder.command()));
        }
        Node node = new Node(name, port, builder.start(), log, host);
        nodes.put(name, node);
        return node;
    }

    public Node node(String name) {
        return nodes.get(name);
    }

    public void awaitStarted(Node node, Duration within) {
        await(within, node.name() + " did not start (see " + node.log() + ")", () -> {
            if (!node.process().isAlive()) {
                throw new IllegalStateException(ExitedProcess.message(node.name(), node.process(), node.log()));
            }
            return log(node).contains("Started RelaisApplication");
        });
    }

    /** SIGKILL: no shutdown hook, no acknowledgement, no unlock — as if the machine died. */
    public void kill(Node node) throws InterruptedException {
        node.process().destroyForcibly();
        node.process().waitFor();
    }

    /**
     * Stops the node's process where it is (SIGSTOP; every thread, mid-statement or mid-message): a test holds a node
     * at a moment it cannot otherwise catch, e.g. inside a slice of a second, while it strikes a fault.
     */
    public void freeze(Node node) {
        signal(node, "-STOP");
    }

    /** Lets a {@link #freeze frozen} node go on (SIGCONT); nothing for a node that has exited. */
    public void thaw(Node node) {
        if (node.process().isAlive()) {
            signal(node, "-CONT");
        }
    }

    private static void signal(Node node, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(node.process().pid()))
                    .redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0 && node.process().isAlive()) {
                throw new IllegalStateException("kill " + signal + " " + node.name() + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String log(Node node) {
        try {
            return Files.readString(node.log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    HttpResponse<String> post(Node node, String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(node.url(path)))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(Node node, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(node.url(path))).header("Authorization", basic())
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "relais", "relais");
    }

    long count(String sql, Object... params) {
        try (Connection c = db(); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    String string(String sql, Object... params) {
        try (Connection c = db(); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static void await(Duration within, String failure, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + within + ": " + failure);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Runs a command of this machine (RabbitMQ's control scripts) and fails on a non-zero exit. */
    static void run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** Stops every node (SIGTERM) and forgets them. */
    @Override
    public void close() {
        nodes.values().forEach(n -> n.process().destroy());
        nodes.values().forEach(n -> {
            try {
                n.process().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        nodes.clear();
    }
}
