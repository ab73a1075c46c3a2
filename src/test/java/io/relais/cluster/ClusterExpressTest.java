package io.relais.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
 * The express lane in a cluster: an article pushed to a manager node is translated on a worker through the broker's
 * express queue, while that worker is busy with a backlog run's slices (which yield to it), and is in every
 * language's feed of the manager before the backlog run ends; every translation is stored once. Each express run
 * names the process that manages it, and one whose manager is gone (its lease ran out) is abandoned by the elected
 * node with the reason; when the manager is killed in the middle of an express run, the article still reaches every
 * language (the last test: it kills m).
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterExpressTest {

    private static final int BACKLOG = 25;
    private static final List<String> LANGUAGES = List.of("es", "ca", "en", "it", "pt");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private ClusterNodes cluster;
    private List<String> phrases;

    @BeforeAll
    void startTheCluster() throws Exception {
        cluster = new ClusterNodes("relais_express_test", "cluster-express-test");
        phrases = Files.readAllLines(Path.of("src/test/resources/cluster/phrases-fr.txt"), StandardCharsets.UTF_8)
                .stream().filter(line -> !line.isBlank()).toList();
        List<String> common = List.of(
                "--relais.cluster.slice-size=5",
                "--relais.quality.auto-approve-threshold=0",
                "--relais.publish.policy=machine",
                "--relais.ingest.sources=");
        // m takes articles at its door and runs the express lane (the manager side); w translates, express and backlog
        // m looks for orphaned runs every 10 s instead of every minute, so that the orphan is abandoned within 30 s
        Node m = cluster.start("m", 18090, "manager", concat(common, "--relais.batch.run-after-ingest=true",
                "--relais.cluster.resume-after=10s"));
        Node w = cluster.start("w", 18091, "worker", common);
        // m2: a second manager, which takes over the elected duties when m is killed (its lane off)
        Node m2 = cluster.start("m2", 18092, "manager", concat(common, "--relais.cluster.resume-after=10s"));
        for (Node node : List.of(m, w, m2)) {
            cluster.awaitStarted(node, Duration.ofMinutes(20));
        }
    }

    @AfterAll
    void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void anArticlePushedToAManagerIsTranslatedOnAWorkerAheadOfItsBacklogAndIsInEveryFeedBeforeTheBacklogEnds()
            throws Exception {
        Node m = cluster.node("m");
        Node w = cluster.node("w");
        // the backlog: pushed to w, whose own lane is off (no run after ingestion), then one run started on m
        for (int i = 0; i < BACKLOG; i++) {
            push(w, "backlog-" + i, "Le conseil de quartier numéro " + (i + 1) + " se réunit", i);
        }
        HttpResponse<String> started = cluster.post(m, "/api/jobs/localize", "{}");
        assertThat(started.statusCode()).isEqualTo(202);
        ClusterNodes.await(Duration.ofMinutes(10), "the backlog run never stored anything",
                () -> cluster.count("select count(*) from translation") > 0);
        long run = cluster.count("""
                select max(e.job_execution_id) from batch_job_execution e
                join batch_job_instance i on i.job_instance_id = e.job_instance_id where i.job_name = 'localize'""");

        long id = push(m, "breaking", "Un pont s'effondre sur la Loire à Nantes", 7);
        ClusterNodes.await(Duration.ofMinutes(10), "the breaking article did not reach every feed of m",
                () -> LANGUAGES.stream().allMatch(lang -> inRss(m, lang, id)));
        String backlogStatus = cluster.string("select status from batch_job_execution where job_execution_id = ?", run);

        assertThat(backlogStatus).as("the backlog run was still going").isEqualTo("STARTED");
        assertThat(cluster.log(w)).containsPattern("Partition \\d+ \\(expressLanguage:lang-(es|ca|en|it|pt)\\) starting on w");
        assertThat(cluster.count("""
                select count(*) from batch_job_execution e join batch_job_instance i on i.job_instance_id = e.job_instance_id
                where i.job_name = 'express' and e.status = 'COMPLETED'""")).isPositive();
        assertThat(cluster.string("""
                select p.parameter_value from batch_job_execution_params p
                join batch_job_execution e on e.job_execution_id = p.job_execution_id
                join batch_job_instance i on i.job_instance_id = e.job_instance_id
                where i.job_name = 'express' and p.parameter_name = 'manager' and p.identifying = 'N' limit 1"""))
                .as("the express run names the process that manages it").startsWith("relais-express-manager:");

        ClusterNodes.await(Duration.ofMinutes(20), "the backlog run did not end",
                () -> !"STARTED".equals(cluster.string("select status from batch_job_execution where job_execution_id = ?", run)));
        assertThat(cluster.string("select status from batch_job_execution where job_execution_id = ?", run))
                .isEqualTo("COMPLETED");
        long articles = cluster.count("select count(*) from article");
        assertThat(cluster.count("select count(*) from translation")).isEqualTo(articles * LANGUAGES.size());
        assertThat(cluster.count("select count(*) from translation where attempts <> 1"))
                .as("no translation done twice, by the lane and the backlog or by two nodes").isZero();
    }

    @Test
    @Order(2)
    void anExpressRunWhoseManagersLeaseRanOutIsAbandonedByTheElectedNodeWithTheReason() throws Exception {
        Node m = cluster.node("m");
        String lease = "relais-express-manager:" + UUID.randomUUID();
        long run;
        // an express run as a manager that died leaves it: STARTED, naming its lease, which nobody renews any more
        try (Connection db = cluster.db()) {
            long instance = next(db, "batch_job_instance_seq");
            run = next(db, "batch_job_execution_seq");
            update(db, "insert into batch_job_instance (job_instance_id, version, job_name, job_key) "
                    + "values (?, 0, 'express', ?)", instance, UUID.randomUUID().toString().replace("-", ""));
            update(db, "insert into batch_job_execution (job_execution_id, version, job_instance_id, create_time, "
                    + "start_time, status, exit_code, last_updated) values (?, 1, ?, localtimestamp, localtimestamp, "
                    + "'STARTED', 'UNKNOWN', localtimestamp)", run, instance);
            update(db, "insert into batch_job_execution_params values (?, 'articles', 'java.lang.String', '0', 'Y')",
                    run);
            update(db, "insert into batch_job_execution_params values (?, 'manager', 'java.lang.String', ?, 'N')",
                    run, lease);
            update(db, "insert into cluster_lease (name, holder, holder_id, term, expires_at) "
                    + "values (?, 'gone', ?, 0, clock_timestamp() - interval '1 second')", lease,
                    UUID.randomUUID().toString());
        }
        String status = "select status from batch_job_execution where job_execution_id = ?";

        ClusterNodes.await(Duration.ofMinutes(2), "the orphaned express run was not abandoned",
                () -> "ABANDONED".equals(cluster.string(status, run)));

        assertThat(cluster.string("select exit_message from batch_job_execution where job_execution_id = ?", run))
                .contains("the lease of its manager " + lease + " ran out");
        // by whichever manager is elected
        assertThat(cluster.log(m) + cluster.log(cluster.node("m2")))
                .contains("Express run #" + run + " marked ABANDONED: no node manages it");
    }

    @Test
    @Order(3)
    void anArticleWhoseExpressManagerIsKilledInTheMiddleOfItsRunStillReachesEveryLanguage() throws Exception {
        Node m = cluster.node("m");
        Node m2 = cluster.node("m2");
        String running = """
                select max(e.job_execution_id) from batch_job_execution e
                join batch_job_instance i on i.job_instance_id = e.job_instance_id
                where i.job_name = 'express' and e.status = 'STARTED'""";
        long id = -1;
        long run = 0;
        // the article's express run caught while w translates it, then its manager killed: text nobody translated
        // yet (a dispatch number in every sentence) so that the run lasts; another article if it ended first
        for (int attempt = 0; attempt < 4 && run == 0; attempt++) {
            id = pushUnseen(m, 100 * (attempt + 1), 12);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (run == 0 && System.nanoTime() < deadline) {
                run = cluster.count(running);
                if (run == 0) {
                    Thread.sleep(20);
                }
            }
            if (run != 0) {
                cluster.kill(m);
            }
        }
        assertThat(run).as("no express run caught while it ran").isPositive();
        long killed = id;
        long caught = run;
        String status = "select status from batch_job_execution where job_execution_id = ?";

        ClusterNodes.await(Duration.ofMinutes(3), "the killed manager's express run was not abandoned",
                () -> "ABANDONED".equals(cluster.string(status, caught)));
        ClusterNodes.await(Duration.ofMinutes(5), "the article of the killed express run did not reach every feed",
                () -> LANGUAGES.stream().allMatch(lang -> inRss(m2, lang, killed)));

        assertThat(cluster.string("select exit_message from batch_job_execution where job_execution_id = ?", run))
                .contains("no node manages it");
        assertThat(cluster.count("select count(*) from translation where article_id = ?", killed))
                .isEqualTo(LANGUAGES.size());
        assertThat(cluster.count("select count(*) from translation where article_id = ? and attempts <> 1", killed))
                .as("each language translated once, by the express run or by the run after it").isZero();
    }

    private static long next(Connection db, String sequence) throws SQLException {
        try (var statement = db.prepareStatement("select nextval('" + sequence + "')");
             var rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void update(Connection db, String sql, Object... params) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    private long push(Node node, String externalId, String title, int n) throws Exception {
        String text = phrases.get(n % phrases.size()) + " " + phrases.get((n + 11) % phrases.size());
        String json = "{\"externalId\": \"express-" + externalId + "\", \"title\": \"" + json(title)
                + "\", \"body\": \"<p>" + json(text) + "</p>\"}";
        HttpResponse<String> response = cluster.post(node, "/api/articles", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher m = ID.matcher(response.body());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** An article of {@code paragraphs} of the test's phrases, each sentence made new by a dispatch number. */
    private long pushUnseen(Node node, int dispatch, int paragraphs) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < paragraphs; i++) {
            String phrase = phrases.get(i % phrases.size());
            body.append("<p>Selon la dépêche ").append(dispatch + i).append(", ")
                    .append(Character.toLowerCase(phrase.charAt(0))).append(phrase.substring(1)).append("</p>");
        }
        String json = "{\"externalId\": \"express-dispatch-" + dispatch + "\", \"title\": \"Une dépêche de dernière "
                + "minute, numéro " + dispatch + "\", \"body\": \"" + json(body.toString()) + "\"}";
        HttpResponse<String> response = cluster.post(node, "/api/articles", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher m = ID.matcher(response.body());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private boolean inRss(Node node, String lang, long id) {
        try {
            HttpResponse<String> rss = cluster.get(node, "/feeds/" + lang + "/rss.xml");
            return rss.statusCode() == 200 && rss.body().contains("urn:relais:" + lang + ":article:" + id + "<");
        } catch (Exception e) {
            return false;
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static List<String> concat(List<String> list, String... more) {
        return java.util.stream.Stream.concat(list.stream(), java.util.Arrays.stream(more)).toList();
    }
}
