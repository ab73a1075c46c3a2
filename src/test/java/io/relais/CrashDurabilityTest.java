package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.relais.cluster.ClusterNodes;
import io.relais.cluster.ClusterNodes.Node;

/**
 * What Relais acknowledges survives the process: the service runs as a real process with its shipped defaults
 * (H2 file database under {@code data/}, the inbox under {@code inbox/}, in a directory of its own), articles are
 * pushed and files dropped in bursts, and the process is killed with SIGKILL in the middle of them — right after
 * acknowledgements were seen, when a database that delays its writes still holds them in memory. After a restart,
 * every article answered {@code 201}/{@code 200} and every file moved to {@code .done} is in the database. Then a
 * SIGTERM in the middle of an inbox import: each file ends in {@code .done} with its article or stays in the inbox,
 * none in {@code .failed}. The same shipped defaults keep the database to its owner (no port but HTTP open, files
 * {@code 0600} in a {@code 0700} directory, a generated password) and still read the bundled demo feed.
 */
class CrashDurabilityTest {

    private static final Path DIR = Path.of("target/crash-test").toAbsolutePath();
    private static final Path HOME = DIR.resolve("home");
    private static final Path INBOX = HOME.resolve("inbox");
    private static final Path DONE = INBOX.resolve(".done");
    private static final Path FAILED = INBOX.resolve(".failed");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ClusterNodes processes;
    private int port;

    /** A push answered 201 or 200: the id the service gave and the id the article was pushed with. */
    record Acknowledged(long id, String externalId, String title) {
    }

    @BeforeEach
    void freshDirectory() throws IOException {
        // a service an earlier run left behind (its test JVM killed, say by the OOM killer) goes first
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(DIR.resolve("classpath.args").toString()))
                        .orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        if (Files.exists(DIR)) {
            try (Stream<Path> files = Files.walk(DIR)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(INBOX);
        processes = ClusterNodes.fromTestClasspath(DIR);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        processes.close();
    }

    @Test
    void noAcknowledgedArticleIsLostToKill9AndSigtermLeavesNoFileFailedWithoutReason() throws Exception {
        Node first = start("crash-1");
        assertThat(listeningPorts(first.process().pid())).as("ports the service listens on (no database server)")
                .containsExactly(port);
        Set<Acknowledged> pushed = ConcurrentHashMap.newKeySet();
        Set<String> done = ConcurrentHashMap.newKeySet();
        AtomicBoolean bursting = new AtomicBoolean(true);
        AtomicInteger counter = new AtomicInteger();
        ExecutorService burst = Executors.newFixedThreadPool(5);
        for (int t = 0; t < 3; t++) {
            burst.submit(() -> {
                while (bursting.get()) {
                    push(first, counter.incrementAndGet(), pushed);
                }
                return null;
            });
        }
        burst.submit(() -> {
            // a steady stream of files rather than one batch (the route polls every 500 ms), slower than they are
            // imported, so that files are in the middle of their import at the kill and few are left for the restart
            while (bursting.get()) {
                drop(counter.incrementAndGet());
                Thread.sleep(100);
            }
            return null;
        });
        burst.submit(() -> {
            while (bursting.get()) {
                done.addAll(doneFiles());
                Thread.sleep(5);
            }
            return null;
        });
        // kill -9 the moment enough has been acknowledged: the newest acknowledgements are milliseconds old
        ClusterNodes.await(Duration.ofMinutes(3), "the burst was not acknowledged (see " + first.log() + ")",
                () -> pushed.size() >= 40 && done.size() >= 10 || !first.process().isAlive());
        processes.kill(first);
        bursting.set(false);
        burst.shutdown();
        assertThat(burst.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        done.addAll(doneFiles());   // moved before the kill, seen just after it
        assertThat(pushed).as("pushes acknowledged before the kill").hasSizeGreaterThanOrEqualTo(40);
        assertThat(done).as("files acknowledged before the kill").hasSizeGreaterThanOrEqualTo(10);

        // restart on the same directory: the files left in the inbox are imported
        Node second = start("crash-2");
        ClusterNodes.await(Duration.ofMinutes(2), "the inbox was not emptied after the restart",
                () -> inboxFiles().isEmpty());
        // a SIGTERM in the middle of an import of 30 files
        List<String> late = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            late.add(drop(counter.incrementAndGet()));
        }
        Set<String> before = Set.copyOf(doneFiles());
        ClusterNodes.await(Duration.ofMinutes(2), "none of the 30 late files was imported",
                () -> doneFiles().stream().anyMatch(name -> !before.contains(name)));
        second.process().destroy();
        assertThat(second.process().waitFor(2, TimeUnit.MINUTES)).as("stopped after SIGTERM").isTrue();

        Set<String> doneAtEnd = Set.copyOf(doneFiles());
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(listNames(FAILED)).as("valid files moved to .failed (" + second.log() + ")").isEmpty();
        for (String name : late) {
            softly.assertThat(doneAtEnd.contains(name) || Files.exists(INBOX.resolve(name)))
                    .as(name + " is in .done or still in the inbox").isTrue();
        }
        try (Connection db = database()) {
            List<String> missing = new ArrayList<>();
            for (Acknowledged ack : pushed) {
                String title = string(db, "select title from article where id = ? and external_id = ?", ack.id(),
                        ack.externalId());
                if (!ack.title().equals(title)) {
                    missing.add("push " + ack.externalId() + " (#" + ack.id() + ")");
                }
            }
            for (String name : doneAtEnd) {
                if (string(db, "select title from article where external_id = ?", "file:" + name) == null) {
                    missing.add("file " + name);
                }
            }
            softly.assertThat(missing).as("acknowledged, then missing after kill -9 (" + pushed.size() + " pushes and "
                    + doneAtEnd.size() + " files acknowledged)").isEmpty();
        }
        // the shipped defaults otherwise: the database is its owner's only, and the demo came from the jar
        Path data = HOME.resolve("data");
        softly.assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        for (String file : listNames(data)) {
            softly.assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
        softly.assertThat(data.resolve("relais.password")).as("a generated database password").exists();
        if (Files.exists(data.resolve("relais.password"))) {
            softly.assertThat(Files.readString(data.resolve("relais.password")).strip()).hasSizeGreaterThanOrEqualTo(24);
        }
        try (Connection db = database()) {
            softly.assertThat(string(db, "select count(*) from article a join source s on s.id = a.source_id "
                    + "where s.url = 'classpath:demo/feed.xml'")).as("demo articles").isEqualTo("6");
        }
        softly.assertAll();
    }

    /** The TCP ports a process listens on, from /proc (its socket inodes, in the LISTEN state). */
    private static List<Integer> listeningPorts(long pid) throws IOException {
        Set<String> inodes = new java.util.HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closed) {
                    // closed meanwhile
                }
            }
        }
        List<Integer> ports = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            if (!Files.exists(Path.of(table))) {
                continue;
            }
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.strip().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) {
                    int listening = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                    if (!ports.contains(listening)) {
                        ports.add(listening);
                    }
                }
            }
        }
        return ports;
    }

    private Node start(String name) throws IOException {
        Node node = processes.startProcess(name, port, Map.of(), List.of(
                "--relais.publish.base-url=http://localhost:" + port), HOME);
        processes.awaitStarted(node, Duration.ofMinutes(3));
        return node;
    }

    private void push(Node node, int n, Set<Acknowledged> acknowledged) throws InterruptedException {
        String externalId = "crash-push-" + n;
        String title = "Le conseil municipal de Brest vote le budget numéro " + n;
        String json = "{\"externalId\": \"" + externalId + "\", \"title\": \"" + title + "\", \"body\": \"<p>Le conseil "
                + "municipal de Brest a voté mardi soir le budget numéro " + n + " pour les transports publics de la "
                + "ville et des communes voisines.</p>\"}";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.url("/api/articles")))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("admin:" + processes.adminPassword).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201 || response.statusCode() == 200) {
                java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(response.body());
                assertThat(id.find()).as(response.body()).isTrue();
                acknowledged.add(new Acknowledged(Long.parseLong(id.group(1)), externalId, title));
            }
        } catch (IOException killed) {
            // the process is gone: nothing was acknowledged
        }
    }

    /** Drops a French article into the inbox whole (written aside, then renamed): its file name. */
    private static String drop(int n) throws IOException {
        String name = "crash-file-" + n + ".txt";
        Path aside = INBOX.resolve(name + ".tmp");
        Files.writeString(aside, "Le port de Lorient accueille le ferry numéro " + n + "\n\nLe port de Lorient "
                + "accueille depuis lundi le ferry numéro " + n + " qui dessert les îles du Morbihan chaque matin.\n",
                StandardCharsets.UTF_8);
        Files.move(aside, INBOX.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return name;
    }

    private static List<String> doneFiles() {
        return listNames(DONE);
    }

    private static List<String> inboxFiles() {
        return listNames(INBOX).stream().filter(name -> name.endsWith(".txt")).toList();
    }

    private static List<String> listNames(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of();   // a file moved while listed: the next look sees it
        }
    }

    /** The stopped service's H2 file, opened as the service opens it. */
    private static Connection database() throws SQLException, IOException {
        Path password = HOME.resolve("data").resolve("relais.password");
        return DriverManager.getConnection("jdbc:h2:file:" + HOME.resolve("data").resolve("relais")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0", "sa",
                Files.exists(password) ? Files.readString(password).strip() : "");
    }

    private static String string(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
