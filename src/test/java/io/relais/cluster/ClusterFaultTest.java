package io.relais.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.relais.cluster.ClusterNodes.Node;

/**
 * Cluster mode against real PostgreSQL and RabbitMQ (started by {@code ./relais test-cluster}, which
 * {@code .ci/run} calls): three real Relais processes — {@code m} (manager), {@code w1} (worker) and {@code w2}
 * (manager and worker, so that it can also take over polling) — share one database and one broker. The scenarios
 * run in order on the same cluster: a worker is killed in the middle of a partition, the broker is restarted during
 * a run, the polling node is killed.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultTest {

    private static final int ARTICLES = Integer.getInteger("relais.cluster.test.articles", 200);
    private static final int LANGUAGES = 5;
    private static final Pattern STARTED_ON_W1 = Pattern.compile("Partition (\\d+) \\(([^)]*)\\) starting on w1");
    private static final Pattern FEED_ID = Pattern.compile("\"id\"\\s*:\\s*\"(urn:relais:[^\"]+)\"");

    private ClusterNodes cluster;
    private List<String> phrases;
    private Path feed;

    @BeforeAll
    void startTheCluster() throws Exception {
        cluster = new ClusterNodes();
        phrases = Files.readAllLines(Path.of("src/test/resources/cluster/phrases-fr.txt"), StandardCharsets.UTF_8)
                .stream().filter(line -> !line.isBlank()).toList();
        feed = cluster.dir.resolve("feed.xml");
        writeFeed(5);
        List<String> common = List.of(
                "--relais.cluster.slice-size=10",
                // these tests are about distribution, not the quality gate: publish every translation
                "--relais.quality.auto-approve-threshold=0",
                "--relais.publish.policy=machine",
                "--relais.cluster.lease-time=6s",
                // a run whose partitions are lost fails after this long (then the test fails on its own timeouts)
                "--relais.cluster.partition-timeout=30m",
                "--relais.ingest.sources[0].name=Cluster test feed",
                "--relais.ingest.sources[0].url=file:" + feed,
                "--relais.ingest.sources[0].poll-interval=3s",
                "--relais.ingest.allow-file-urls=true");   // the test's feed is a file on this machine
        Node m = cluster.start("m", 18080, "manager", common);
        Node w1 = cluster.start("w1", 18081, "worker", common);
        Node w2 = cluster.start("w2", 18082, "manager,worker", common);
        for (Node node : List.of(m, w1, w2)) {
            // generous: on a shared, overloaded 2-core machine three JVMs loading LanguageTool took 12 minutes
            cluster.awaitStarted(node, Duration.ofMinutes(20));
        }
        // the feed's first items must be in before the first run is split: the split asks each language in turn for
        // its pending articles, and an item stored between two of those questions would be in some languages' slices
        // only (the product leaves it to the next run, which these tests never start)
        ClusterNodes.await(Duration.ofMinutes(3), "the first 5 feed items were not ingested",
                () -> cluster.count("select count(*) from article a join source s on s.id = a.source_id where s.url = ?",
                        "file:" + feed) == 5);
    }

    @AfterAll
    void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aWorkerKilledInTheMiddleOfAPartitionLeavesItToTheOtherWorkerAndEveryTranslationIsStoredOnce()
            throws Exception {
        Node m = cluster.node("m");
        Node w1 = cluster.node("w1");
        Node w2 = cluster.node("w2");
        for (int i = 0; i < ARTICLES; i++) {
            push(m, "a-" + i, i);
        }
        long run = startRun(m);

        // wait until w1 is inside a slice (started, at least one chunk stored, not finished), then SIGKILL it
        AtomicLong killed = new AtomicLong();
        ClusterNodes.await(Duration.ofMinutes(15), "w1 never was in the middle of a partition", () -> {
            Matcher started = STARTED_ON_W1.matcher(cluster.log(w1));
            long last = -1;
            while (started.find()) {
                last = Long.parseLong(started.group(1));
            }
            if (last < 0) {
                return false;
            }
            String status = cluster.string("select status from batch_step_execution where step_execution_id = ?", last);
            long written = cluster.count("select write_count from batch_step_execution where step_execution_id = ?", last);
            if ("STARTED".equals(status) && written > 0 && written < 10) {
                killed.set(last);
                return true;
            }
            return false;
        });
        cluster.kill(w1);
        long writtenBeforeKill = cluster.count(
                "select write_count from batch_step_execution where step_execution_id = ?", killed.get());

        assertThat(awaitEnd(run, Duration.ofMinutes(20))).isEqualTo("COMPLETED");
        assertThat(cluster.string("select status from batch_step_execution where step_execution_id = ?", killed.get()))
                .isEqualTo("COMPLETED");
        assertThat(cluster.log(w2)).contains("Partition " + killed.get() + " (")
                .contains("was started elsewhere and not finished");
        assertThat(cluster.count("select write_count from batch_step_execution where step_execution_id = ?",
                killed.get())).isGreaterThan(writtenBeforeKill);
        everyArticleIsTranslatedIntoEveryLanguageExactlyOnce();

        // every node serves the same feed: m from the database, w2's static copy rewritten through the broker
        List<String> served = feedIds(cluster.get(m, "/feeds/es/feed.json").body());
        assertThat(served).isNotEmpty();
        assertThat(feedIds(cluster.get(w2, "/feeds/es/feed.json").body())).isEqualTo(served);
        Path w2Copy = cluster.dir.resolve("w2/feeds/es/feed.json");
        ClusterNodes.await(Duration.ofSeconds(60), "w2's static feed was not rewritten", () -> {
            try {
                return Files.exists(w2Copy) && feedIds(Files.readString(w2Copy)).equals(served);
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Test
    @Order(2)
    void aRunCaughtByABrokerRestartCompletesOrFailsCleanlyAndItsRestartCompletesIt() throws Exception {
        Node m = cluster.node("m");
        int articles = Math.max(10, ARTICLES / 10);
        for (int i = 0; i < articles; i++) {
            push(m, "b-" + i, 1000 + i);
        }
        long run = startRun(m);
        ClusterNodes.await(Duration.ofMinutes(5), "no translation of the second batch was stored",
                () -> cluster.count("""
                        select count(*) from translation t join article a on a.id = t.article_id
                        where a.external_id like 'cluster-test-b-%'""") > 0);

        ClusterNodes.run(Map.of(), "rabbitmqctl", "-q", "stop");
        ClusterNodes.run(Map.of("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"), "rabbitmq-server", "-detached");
        // the Erlang node takes a few seconds to answer at all; then wait for the broker inside it
        ClusterNodes.await(Duration.ofMinutes(2), "RabbitMQ did not come back", () -> {
            try {
                ClusterNodes.run(Map.of(), "rabbitmq-diagnostics", "-q", "ping");
                return true;
            } catch (Exception e) {
                return false;
            }
        });
        ClusterNodes.run(Map.of(), "rabbitmqctl", "-q", "await_startup", "--timeout", "120");

        String status = awaitEnd(run, Duration.ofMinutes(20));
        assertThat(status).isIn("COMPLETED", "FAILED");
        if (status.equals("FAILED")) {
            System.out.println("Run " + run + " failed cleanly after the broker restart: restarting it");
            assertThat(cluster.post(m, "/api/jobs/" + run + "/restart", "{}").statusCode()).isEqualTo(202);
            ClusterNodes.await(Duration.ofMinutes(20), "the restart of run " + run + " did not complete",
                    () -> "COMPLETED".equals(cluster.string("""
                            select status from batch_job_execution where job_instance_id =
                              (select job_instance_id from batch_job_execution where job_execution_id = ?)
                            order by job_execution_id desc limit 1""", run)));
        } else {
            System.out.println("Run " + run + " completed across the broker restart");
        }
        everyArticleIsTranslatedIntoEveryLanguageExactlyOnce();
    }

    @Test
    @Order(3)
    void whenThePollingNodeDiesAnotherNodeTakesOverTheFeedAndNoItemIsLostOrDoubled() throws Exception {
        long source = cluster.count("select id from source where url = ?", "file:" + feed);
        ClusterNodes.await(Duration.ofSeconds(60), "the first 5 feed items were not ingested",
                () -> cluster.count("select count(*) from article where source_id = ?", source) == 5);
        List<Node> candidates = List.of(cluster.node("m"), cluster.node("w2"));
        Node leader = candidates.stream().filter(this::elected).findFirst().orElseThrow();
        Node other = candidates.stream().filter(n -> n != leader).findFirst().orElseThrow();
        assertThat(elected(other)).isFalse();

        cluster.kill(leader);
        long killedAt = System.nanoTime();
        writeFeed(10);

        ClusterNodes.await(Duration.ofSeconds(90), other.name() + " did not take over polling", () -> elected(other));
        System.out.printf("%s took over polling %.1f s after %s was killed%n", other.name(),
                (System.nanoTime() - killedAt) / 1e9, leader.name());
        ClusterNodes.await(Duration.ofSeconds(90), "the 5 new feed items were not ingested",
                () -> cluster.count("select count(*) from article where source_id = ?", source) == 10);
        Thread.sleep(10_000); // a few more polls of the same feed
        assertThat(cluster.count("select count(*) from article where source_id = ?", source)).isEqualTo(10);
        assertThat(cluster.count("select count(distinct external_id) from article where source_id = ?", source))
                .isEqualTo(10);
        assertThat(cluster.count("select count(*) from dead_letter")).isZero();
    }

    private void everyArticleIsTranslatedIntoEveryLanguageExactlyOnce() {
        long articles = cluster.count("select count(*) from article");
        assertThat(cluster.count("select count(*) from translation")).isEqualTo(articles * LANGUAGES);
        assertThat(cluster.count("""
                select count(*) from (select article_id, lang from translation group by article_id, lang
                                      having count(*) > 1) d""")).isZero();
        // attempts counts the stores of a translation: 1 everywhere means no slice translated an article twice
        assertThat(cluster.count("select count(*) from translation where attempts <> 1")).isZero();
        assertThat(cluster.count("select count(*) from translation where state in ('PENDING', 'FAILED')")).isZero();
    }

    private boolean elected(Node node) {
        try {
            return node.process().isAlive()
                    && cluster.get(node, "/actuator/health").body().replace(" ", "").contains("\"elected\":true");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private void push(Node node, String id, int n) throws Exception {
        String first = phrases.get(n % phrases.size());
        String second = phrases.get((n % phrases.size() + 1 + n / phrases.size()) % phrases.size());
        String json = "{\"externalId\": \"cluster-test-" + id + "\", \"title\": \"" + json(title(n))
                + "\", \"body\": \"<p>" + json(first + " " + second) + "</p>\"}";
        HttpResponse<String> response = cluster.post(node, "/api/articles", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static String title(int n) {
        return "Les nouvelles de la ville, édition numéro " + (n + 1);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private long startRun(Node node) throws Exception {
        long before = cluster.count("select coalesce(max(job_execution_id), 0) from batch_job_execution");
        HttpResponse<String> response = cluster.post(node, "/api/jobs/localize", "{}");
        assertThat(response.statusCode()).isEqualTo(202);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(response.body());
        if (id.find()) {
            return Long.parseLong(id.group(1));
        }
        // QUEUED: the run had not started within the API's 5 s (three nodes still warming up on two cores); the
        // API promises it starts as soon as it can, and that run is the one under test
        assertThat(response.body()).contains("\"QUEUED\"");
        long[] started = new long[1];
        ClusterNodes.await(Duration.ofMinutes(3), "the queued run never started: " + response.body(), () -> {
            started[0] = cluster.count("select coalesce(max(job_execution_id), 0) from batch_job_execution");
            return started[0] > before;
        });
        return started[0];
    }

    private String awaitEnd(long run, Duration within) {
        String[] status = new String[1];
        ClusterNodes.await(within, "run " + run + " did not end", () -> {
            status[0] = cluster.string("select status from batch_job_execution where job_execution_id = ?", run);
            return Objects.equals(status[0], "COMPLETED") || Objects.equals(status[0], "FAILED")
                    || Objects.equals(status[0], "STOPPED");
        });
        return status[0];
    }

    private static List<String> feedIds(String json) {
        List<String> ids = new ArrayList<>();
        Matcher m = FEED_ID.matcher(json);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private void writeFeed(int items) throws IOException {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Fil de test</title><link>https://example.org/</link>
                <description>Fil de test du cluster</description>
                """);
        for (int i = 0; i < items; i++) {
            xml.append("<item><guid>https://example.org/fil/").append(i).append("</guid>")
                    .append("<link>https://example.org/fil/").append(i).append("</link>")
                    .append("<title>").append(title(500 + i)).append("</title>")
                    .append("<description>").append(phrases.get(i % phrases.size())).append(' ')
                    .append(phrases.get((i + 7) % phrases.size())).append("</description></item>\n");
        }
        xml.append("</channel></rss>\n");
        Path tmp = feed.resolveSibling("feed.xml.tmp");
        Files.writeString(tmp, xml, StandardCharsets.UTF_8);
        Files.move(tmp, feed, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
