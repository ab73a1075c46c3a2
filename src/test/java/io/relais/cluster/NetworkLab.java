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
    static final String LIBFAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1";

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
     * A clock file for a node started under libfaketime: its content ({@code +0}, {@code +30s}, {@code -30s}) is the
     * node's offset from the machine's clock, read again every second. Only the wall clock: the monotonic clock
     * every process on this machine shares stays true, and the tests' history is written on it.
     */
    static Map<String, String> clockEnvironment(Path clockFile) throws IOException {
        if (!Files.exists(Path.of(LIBFAKETIME))) {
            throw new IllegalStateException("libfaketime is missing (" + LIBFAKETIME + "): apt-get install faketime "
                    + "(./relais test-cluster installs it)");
        }
        if (!Files.exists(clockFile)) {
            setClock(clockFile, "+0");
        }
        return Map.of("LD_PRELOAD", LIBFAKETIME,
                "FAKETIME_TIMESTAMP_FILE", clockFile.toString(),
                "FAKETIME_CACHE_DURATION", "1",
                "FAKETIME_DONT_FAKE_MONOTONIC", "1");
    }

    static void setClock(Path clockFile, String offset) throws IOException {
        Path tmp = clockFile.resolveSibling(clockFile.getFileName() + ".tmp");
        Files.writeString(tmp, offset + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, clockFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
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
