package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.h2.tools.Server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.relais.testing.ExitedProcess;

/**
 * The service killed with SIGKILL while the express lane is translating an article (some languages stored, the run
 * still going), then started again on the same database: the run is found, marked FAILED with the reason and
 * restarted, the languages it had not stored are translated, those it had are not translated again, and every
 * language's feed has the article — nothing lost, nothing doubled. A real process, as a crash leaves it.
 */
class ExpressCrashTest {

    private static final Path DIR = Path.of("target/express-crash-test").toAbsolutePath();
    private static final List<String> LANGUAGES = List.of("es", "ca", "en", "it", "pt");
    private static final String PASSWORD = "express-crash-" + System.nanoTime();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process service;
    private int port;

    /**
     * The database outlives the service, as a PostgreSQL server would, and the test reads it while the service runs:
     * an H2 server in this JVM (what this test is about is the express run's recovery; an H2 file's durability under
     * a kill is CrashDurabilityTest's).
     */
    private Server database;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.destroy();
            service.waitFor();
        }
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void aKillMidExpressLeavesNothingLostOrDoubledAfterTheRestart() throws Exception {
        deleteTree(DIR);
        Files.createDirectories(DIR.resolve("db"));
        database = Server.createTcpServer("-tcpPort", Integer.toString(freePort()), "-baseDir",
                DIR.resolve("db").toString(), "-ifNotExists").start();
        port = freePort();
        start("first");

        long article = -1;
        boolean killed = false;
        Map<String, String> storedBeforeKill = new HashMap<>();
        for (int attempt = 1; attempt <= 4 && !killed; attempt++) {
            article = push(attempt);
            long id = article;
            // a window with some languages stored and the run still going; on the last try, any moment of the run
            boolean last = attempt == 4;
            await(Duration.ofMinutes(10), "no express run for article " + id, () -> {
                int stored = count("select count(*) from translation where article_id = " + id);
                return stored == LANGUAGES.size() || expressRunning() && (stored > 0 || last);
            });
            if (expressRunning() && count("select count(*) from translation where article_id = " + id) < LANGUAGES.size()) {
                service.destroyForcibly();   // SIGKILL: no shutdown hook, no commit, no unlock
                service.waitFor();
                killed = true;
                storedBeforeKill.putAll(updatedAt(id));
            }
        }
        assertThat(killed).as("the service was killed in the middle of an express run").isTrue();
        long killedRun = longValue("""
                select max(e.job_execution_id) from batch_job_execution e
                join batch_job_instance i on i.job_instance_id = e.job_instance_id
                where i.job_name = 'express' and e.status = 'STARTED'""");
        assertThat(killedRun).as("the kill left an express run STARTED").isPositive();

        start("second");
        long id = article;
        await(Duration.ofMinutes(10), "article " + id + " was not translated into every language after the restart",
                () -> count("select count(*) from translation where article_id = " + id) == LANGUAGES.size());
        await(Duration.ofMinutes(5), "article " + id + " is not in every feed",
                () -> LANGUAGES.stream().allMatch(lang -> inRss(lang, id)));

        assertThat(count("select count(*) from translation where article_id = " + id + " and attempts <> 1"))
                .as("no language was translated twice").isZero();
        Map<String, String> after = updatedAt(id);
        storedBeforeKill.forEach((lang, at) -> assertThat(after.get(lang))
                .as("%s, stored before the kill, was not translated again", lang).isEqualTo(at));
        assertThat(string("select status from batch_job_execution where job_execution_id = " + killedRun))
                .isEqualTo("FAILED");
        assertThat(string("select exit_message from batch_job_execution where job_execution_id = " + killedRun))
                .contains("stopped before it ended");
        // the feeds follow each language as it is stored: the restarted run ends (COMPLETED) a moment after them
        String restarted = """
                select e.status from batch_job_execution e where e.job_instance_id =
                  (select job_instance_id from batch_job_execution where job_execution_id = %d)
                order by e.job_execution_id desc limit 1""".formatted(killedRun);
        await(Duration.ofMinutes(2), "the run was restarted and completed", () -> "COMPLETED".equals(string(restarted)));
        assertThat(count("select count(*) from article")).isEqualTo(count("select count(distinct external_id) from article"));
    }

    private long push(int attempt) throws Exception {
        StringBuilder body = new StringBuilder();
        List<String> phrases = Files.readAllLines(Path.of("src/test/resources/cluster/phrases-fr.txt"),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        // long enough that the languages do not all finish at once: more each time the kill missed the window
        for (int p = 0; p < 8 * attempt; p++) {
            body.append("<p>");
            for (int s = 0; s < 4; s++) {
                body.append(phrases.get((p * 4 + s + attempt * 13) % phrases.size())).append(' ');
            }
            body.append("</p>");
        }
        String json = "{\"externalId\": \"crash-" + attempt + "\", \"title\": \"Le conseil vote le budget, épisode "
                + attempt + "\", \"body\": \"" + body.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/articles")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher m = ID.matcher(response.body());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private void start(String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-XX:+UseSerialGC",
                // the main classes and dependencies, not the test classes (whose components must not join the service)
                "-cp", Arrays.stream(System.getProperty("surefire.test.class.path",
                                System.getProperty("java.class.path")).split(File.pathSeparator))
                        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                        .collect(Collectors.joining(File.pathSeparator)),
                "io.relais.RelaisApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--relais.publish.feeds-dir=" + DIR.resolve("feeds"),
                "--relais.ingest.inbox-dir=" + DIR.resolve("inbox"),
                "--relais.ingest.sources=", "--relais.batch.schedule=-",
                "--relais.publish.policy=machine", "--relais.quality.auto-approve-threshold=0",
                "--relais.batch.express.warm-up=false",
                "--relais.security.admin.username=admin", "--relais.security.admin.password=" + PASSWORD));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(DIR.resolve(name + ".log").toFile()));
        builder.environment().remove("RELAIS_DB_URL");
        service = builder.start();
        await(Duration.ofMinutes(10), name + " did not start (see " + DIR.resolve(name + ".log") + ")", () -> {
            if (!service.isAlive()) {
                throw new AssertionError(ExitedProcess.message(name, service, DIR.resolve(name + ".log")));
            }
            try {
                // "Started" is logged before the application runners (the administrator is set by one): ready is
                // when the API lets the administrator in
                return Files.readString(DIR.resolve(name + ".log")).contains("Started RelaisApplication")
                        && http.send(HttpRequest.newBuilder(URI.create(url("/api/jobs")))
                                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                        ("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                                .timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private String jdbcUrl() {
        return "jdbc:h2:tcp://localhost:" + database.getPort() + "/relais;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH";
    }

    private boolean expressRunning() {
        return count("""
                select count(*) from batch_job_execution e join batch_job_instance i on i.job_instance_id = e.job_instance_id
                where i.job_name = 'express' and e.status = 'STARTED'""") > 0;
    }

    private Map<String, String> updatedAt(long id) throws SQLException {
        Map<String, String> at = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "sa", "");
             var rs = c.createStatement().executeQuery("select lang, updated_at from translation where article_id = " + id)) {
            while (rs.next()) {
                at.put(rs.getString(1), rs.getString(2));
            }
        }
        return at;
    }

    private int count(String sql) {
        return (int) longValue(sql);
    }

    private long longValue(String sql) {
        String value = string(sql);
        return value == null ? 0 : Long.parseLong(value);
    }

    private String string(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "sa", "");
             var rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private boolean inRss(String lang, long id) {
        try {
            HttpResponse<String> rss = http.send(HttpRequest.newBuilder(URI.create(url("/feeds/" + lang + "/rss.xml")))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return rss.statusCode() == 200 && rss.body().contains("urn:relais:" + lang + ":article:" + id + "<");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void await(Duration within, String failure, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + within + ": " + failure);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
