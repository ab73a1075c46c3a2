package io.relais.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cluster lab ({@code lab/netlab}) seen from a test: a bridge of its own, a PostgreSQL and a RabbitMQ of its own
 * on addresses of theirs, and one network namespace per node, so that a fault cuts one node off (firewall rules in
 * its namespace) while it keeps running. Only the lab's addresses (198.18.26.0/24) are used; {@link #close} removes
 * the namespaces, rules and bridge and stops the lab's services, and {@link #up} first removes whatever a killed
 * run left. Fails — never skips — where the machine cannot make namespaces.
 */
final class NetworkLab implements AutoCloseable {

    static final String HOST = "198.18.26.1";
    static final String DATABASE = "198.18.26.2";
    static final String BROKER = "198.18.26.3";
    static final int DATABASE_PORT = 5433;
    static final String DATABASE_NAME = "relais_lab";
    /**
     * libfaketime's plain build: its MT build serialises every wall-clock read of the process on one mutex (so that a
     * sped-up clock moves forward in step across threads, which an offset does not need) — measured here: 7.5 µs per
     * {@code System.currentTimeMillis()} against 1.2 µs with this build and 0.45 µs without any.
     */
    static final String LIBFAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";

    enum Target { DB, BROKER, ALL }

    private final Path script = Path.of("lab/netlab").toAbsolutePath();
    private final Thread cleanUp = new Thread(this::down, "network-lab-clean-up");
    private boolean up;

    /** Makes the lab (after removing any left-over), or fails saying why the machine cannot. */
    NetworkLab up() {
        String why = cannotMakeNamespaces();
        if (why != null) {
            throw new IllegalStateException("The cluster fault tests need network namespaces (root, iproute2, "
                    + "nftables): " + why + ". Run them as root on Linux, through ./relais test-cluster.");
        }
        Runtime.getRuntime().addShutdownHook(cleanUp);
        up = true;
        run("up");
        return this;
    }

    private String cannotMakeNamespaces() {
        try {
            run("down");
            String name = "rlab-probe";
            exec(List.of("ip", "netns", "add", name));
            exec(List.of("ip", "netns", "del", name));
            exec(List.of("nft", "--version"));
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /** A namespace for a node; returns its address. */
    String node(String name) {
        return run("node", name).strip();
    }

    /** The command that runs {@code command} inside the node's namespace. */
    List<String> inNode(String name, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("ip", "netns", "exec", "rlab-" + name));
        wrapped.addAll(command);
        return wrapped;
    }

    /** The address of each consumer of the broker's {@code queue}: the nodes listening on it. */
    List<String> consumers(String queue) {
        return run("consumers", queue).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Drops every packet between the node and the target, both ways: a partition, not a refusal. */
    void cut(String name, Target target) {
        run("cut", name, target.name().toLowerCase());
    }

    /** Removes the node's cuts, rate limits and losses. */
    void heal(String name) {
        run("heal", name);
    }

    /** Slows and loses packets between the node and the target; returns how (netem, or rate limit and drops). */
    String slow(String name, Target target, int lossPercent) {
        return run("slow", name, target.name().toLowerCase(), String.valueOf(lossPercent)).strip();
    }

    void database(String action) {
        run("db", action);
    }

    void broker(String action) {
        run("broker", action);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + DATABASE + ":" + DATABASE_PORT + "/" + DATABASE_NAME;
    }

    /**
     * The environment of a node whose clock is {@code offset} away from the machine's, from its start (libfaketime).
     * libfaketime then fakes its monotonic clock too, as its fake wall clock: a constant offset inside the process,
     * so the node's own durations stay true (see {@link ClusterNodes#monotonicShiftMillis} for comparing them with
     * other processes'). The clock is not moved while the node runs: that needs {@code FAKETIME_DONT_FAKE_MONOTONIC},
     * under which a JVM's timed waits return at once — measured here: threads spinning, three nodes taking 8 minutes
     * instead of about 1.5 to start.
     */
    static Map<String, String> clockEnvironment(java.time.Duration offset) {
        if (!Files.exists(Path.of(LIBFAKETIME))) {
            throw new IllegalStateException("libfaketime is missing (" + LIBFAKETIME + "): apt-get install faketime "
                    + "(./relais test-cluster installs it)");
        }
        long seconds = offset.toSeconds();
        return Map.of("LD_PRELOAD", LIBFAKETIME, "FAKETIME", (seconds < 0 ? "-" : "+") + Math.abs(seconds) + "s");
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        return exec(command);
    }

    private static String exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    private void down() {
        try {
            run("down");
        } catch (RuntimeException e) {
            System.err.println("cluster lab clean-up: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (up) {
            up = false;
            down();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs
            }
        }
    }
}
