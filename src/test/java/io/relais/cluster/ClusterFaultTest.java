package io.relais.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

import io.relais.batch.LocalizeSteps;
import io.relais.cluster.ClusterNodes.Node;
import io.relais.cluster.NetworkLab.Target;
import io.relais.cluster.internal.SlicePartitioner;

/**
 * Cluster mode under the faults of real clusters, in the cluster lab ({@link NetworkLab}: each node a host of its
 * own, the lab's PostgreSQL and RabbitMQ on addresses of theirs). Three real Relais processes — {@code m} (manager),
 * {@code w1} (worker) and {@code w2} (manager and worker, so that it can also take over polling) — share one
 * database and one broker. The scenarios run in order on the same cluster; each checks what it may break: every
 * article translated exactly once into every language (one row, {@code attempts} = 1), no slice lost (every slice of
 * the run completed), the feeds the same on every node that can be reached, and at most one node polling at any
 * moment (the nodes' own terms and the fetches the test's feed server saw, on the machine's monotonic clock).
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultTest {

    /** Articles per run: two slices per language (ten per run over five languages), to keep the suite short. */
    private static final int ARTICLES = Integer.getInteger("relais.cluster.test.articles", 20);
    private static final int LANGUAGES = 5;
    private static final int SLICE = 10;
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Pattern FEED_ID = Pattern.compile("\"id\"\\s*:\\s*\"(urn:relais:[^\"]+)\"");

    private NetworkLab lab;
    private ClusterNodes cluster;
    private FeedServer feedServer;
    private List<String> phrases;
    private final Map<String, String> nodesByAddress = new ConcurrentHashMap<>();
    private final Map<String, Long> killedAt = new ConcurrentHashMap<>();
    private int pushed;
    /** The arguments every node of this cluster starts with. */
    private List<String> common;

    @BeforeAll
    void startTheCluster() throws Exception {
        lab = new NetworkLab().up();
        cluster = new ClusterNodes(lab);
        try (var old = Files.list(cluster.dir)) {
            for (Path file : old.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                Files.delete(file);
            }
        }
        phrases = Files.readAllLines(Path.of("src/test/resources/cluster/phrases-fr.txt"), StandardCharsets.UTF_8)
                .stream().filter(line -> !line.isBlank()).toList();
        feedServer = new FeedServer(NetworkLab.HOST, nodesByAddress);
        serveFeed(5);
        common = List.of(
                "--relais.cluster.slice-size=" + SLICE,
                "--relais.batch.chunk-size=2",
                // these tests are about distribution, not the quality gate: publish every translation
                "--relais.quality.auto-approve-threshold=0",
                // and publish what is machine-translated (the shipped policy publishes nothing unreviewed)
                "--relais.publish.policy=machine",
                "--relais.cluster.lease-time=" + LEASE.toSeconds() + "s",
                // a run that failed with the database or broker is resumed by the elected node after this long
                "--relais.cluster.resume-after=10s",
                // a node cut off from the database gives a statement up after this long (default 2 minutes)
                "--relais.cluster.database-timeout=20s",
                // a run whose partitions are lost fails after this long (then the test fails on its own timeouts)
                "--relais.cluster.partition-timeout=30m",
                "--relais.ingest.sources[0].name=Cluster test feed",
                "--relais.ingest.sources[0].url=" + feedServer.url(),
                "--relais.ingest.sources[0].poll-interval=2s",
                // the feed is on the lab's own address, a benchmarking range the URL policy refuses by default
                "--relais.ingest.allow-internal-addresses=true");
        List<Node> nodes = new ArrayList<>();
        // the two poller candidates' clocks a minute apart for the whole suite (m 30 s ahead, w2 30 s behind): every
        // fault below happens on a cluster whose clocks disagree, as NTP-less machines do
        for (String[] node : new String[][] {{"m", "manager", "30"}, {"w1", "worker", "0"}, {"w2", "manager,worker", "-30"}}) {
            Node started = cluster.start(node[0], 8080, node[1], Duration.ofSeconds(Long.parseLong(node[2])), common);
            nodesByAddress.put(started.host(), started.name());
            nodes.add(started);
        }
        for (Node node : nodes) {
            // generous: on a shared, overloaded 2-core machine (load 50) three JVMs loading LanguageTool took 35 minutes
            cluster.awaitStarted(node, Duration.ofMinutes(40));
        }
        // the feed's first items must be in before the first run is split: the split asks each language in turn for
        // its pending articles, and an item stored between two of those questions would be in some languages' slices
        // only (the product leaves it to the next run, which these tests never start)
        ClusterNodes.await(Duration.ofMinutes(3), "the first 5 feed items were not ingested",
                () -> cluster.count("select count(*) from article a join source s on s.id = a.source_id where s.url = ?",
                        feedServer.url()) == 5);
    }

    @AfterAll
    void stopTheCluster() {
        try {
            if (cluster != null) {
                cluster.close();
            }
            if (feedServer != null) {
                feedServer.close();
            }
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    @Test
    @Order(1)
    void thePollerCutOffFromTheDatabaseStopsBeforeAnotherNodeStartsAndDoesNotIngestTwiceWhenItComesBack()
            throws Exception {
        long source = feedSource();
        ClusterNodes.await(Duration.ofMinutes(2), "the first 5 feed items were not ingested",
                () -> cluster.count("select count(*) from article where source_id = ?", source) == 5);
        Node leader = awaitPoller(List.of(cluster.node("m"), cluster.node("w2")));
        Node other = leader == cluster.node("m") ? cluster.node("w2") : cluster.node("m");

        lab.cut(leader.name(), Target.DB);
        long cutAt = System.nanoTime();
        serveFeed(10);
        ClusterNodes.await(Duration.ofSeconds(90), other.name() + " did not take over polling", () -> elected(other));
        System.out.printf("%s took over polling %.1f s after %s was cut off from the database%n", other.name(),
                (System.nanoTime() - cutAt) / 1e9, leader.name());
        ClusterNodes.await(Duration.ofSeconds(90), "the 5 new feed items were not ingested",
                () -> cluster.count("select count(*) from article where source_id = ?", source) == 10);
        assertThat(elected(leader)).as(leader.name() + " still says it polls, cut off from the database").isFalse();
        Thread.sleep(LEASE.toMillis());   // cut off for well over a lease

        lab.heal(leader.name());
        serveFeed(12);
        ClusterNodes.await(Duration.ofSeconds(90), "the 2 items added after the heal were not ingested",
                () -> cluster.count("select count(*) from article where source_id = ?", source) == 12);
        Thread.sleep(8_000);   // a few more polls, by whoever polls now
        assertThat(cluster.log(leader)).contains("Poller term").contains("could not be renewed in time");
        feedIngestedOnceWithoutDeadLetters(source, 12);
        atMostOnePollerAtAnyMoment();
    }

    @Test
    @Order(2)
    void withOneClockThirtySecondsAheadAndAnotherBehindThereIsStillOnePollerAndTheLeaseKeepsItsLength()
            throws Exception {
        Node m = cluster.node("m");
        Node w2 = cluster.node("w2");
        long source = feedSource();
        // m's clock is 30 s ahead and w2's 30 s behind since they started
        serveFeed(14);
        ClusterNodes.await(Duration.ofSeconds(90), "the feed was not polled with the clocks apart",
                () -> cluster.count("select count(*) from article where source_id = ?", source) == 14);
        Thread.sleep(3 * LEASE.toMillis());   // several leases: a node trusting its own clock takes it at once
        atMostOnePollerAtAnyMoment();

        // the holder dies to the others (cut off from everything): the lease ends on the database's clock,
        // neither 30 s early nor 30 s late
        Node leader = awaitPoller(List.of(m, w2));
        Node other = leader == m ? w2 : m;
        lab.cut(leader.name(), Target.ALL);
        long cutAt = System.nanoTime();
        ClusterNodes.await(Duration.ofSeconds(90), other.name() + " did not take over polling",
                () -> elected(other));
        double takeOver = (System.nanoTime() - cutAt) / 1e9;
        System.out.printf("with clocks 60 s apart, %s took over polling %.1f s after %s was cut off%n",
                other.name(), takeOver, leader.name());
        // a lease of 6 s measured on the ahead node's clock would last 36 s; measured on the behind node's, -24 s
        assertThat(takeOver).isLessThan(2 * LEASE.toSeconds() + 8);
        lab.heal(leader.name());
        serveFeed(16);
        ClusterNodes.await(Duration.ofSeconds(90), "the feed was not polled after the take-over",
                () -> cluster.count("select count(*) from article where source_id = ?", source) == 16);

        // two nodes with clocks a minute apart asked for a run at the same moment: one run at a time
        pushArticles(m, 10);
        CompletableFuture<HttpResponse<String>> fromM = CompletableFuture.supplyAsync(() -> post(m, "/api/jobs/localize"));
        CompletableFuture<HttpResponse<String>> fromW2 = CompletableFuture.supplyAsync(() -> post(w2, "/api/jobs/localize"));
        assertThat(fromM.get(2, TimeUnit.MINUTES).statusCode()).isEqualTo(202);
        assertThat(fromW2.get(2, TimeUnit.MINUTES).statusCode()).isEqualTo(202);
        ClusterNodes.await(Duration.ofMinutes(15), "the runs did not end", () -> cluster.count(
                "select count(*) from translation") == cluster.count("select count(*) from article") * LANGUAGES
                && cluster.count("select count(*) from batch_job_execution where status in ('STARTING', 'STARTED')") == 0);
        // one run at a time, or overlapping runs that never stored a translation twice
        everyArticleIsTranslatedIntoEveryLanguageExactlyOnce();
        feedIngestedOnceWithoutDeadLetters(source, 16);
        atMostOnePollerAtAnyMoment();
    }

    @Test
    @Order(3)
    void aWorkerCutOffFromTheBrokerInTheMiddleOfASliceDoesNotStoreItTwice() throws Exception {
        Node m = cluster.node("m");
        Node w1 = cluster.node("w1");
        RunAndSlice caught = faultInTheMiddleOfASlice(m, w1, () -> lab.cut(w1.name(), Target.BROKER));
        long run = caught.run();
        long slice = caught.slice();
        try {
            // the broker gives the slice to w2 once it has given w1 up (missed heartbeats); w1 meanwhile finishes
            // or loses it — either way it is stored once
            assertThat(awaitEnd(run, Duration.ofMinutes(15))).isEqualTo("COMPLETED");
        } finally {
            lab.heal(w1.name());
        }
        System.out.println("slice " + slice + " ended " + sliceStatus(slice));
        everyArticleIsTranslatedIntoEveryLanguageExactlyOnce();
        noSliceLost(run);
        feedsEqualOnEveryNode();
    }

    @Test
    @Order(4)
    void aWorkerCutOffFromTheDatabaseInTheMiddleOfASliceLeavesItToAnotherAndDoesNotStoreItTwice() throws Exception {
        Node m = cluster.node("m");
        Node w1 = cluster.node("w1");
        RunAndSlice caught = faultInTheMiddleOfASlice(m, w1, () -> lab.cut(w1.name(), Target.DB));
        long run = caught.run();
        long slice = caught.slice();
        try {
            // w1 gives the slice up (its statement times out, the message goes back to the queue) and w2 runs the
            // rest of it, while w1 is still cut off
            ClusterNodes.await(Duration.ofMinutes(10), "the slice w1 was cut off in was not finished by another node",
                    () -> "COMPLETED".equals(sliceStatus(slice)));
        } finally {
            lab.heal(w1.name());
        }
        assertThat(awaitEnd(run, Duration.ofMinutes(15))).isEqualTo("COMPLETED");
        // cut off with a chunk still to store (it was frozen there), w1 could not have finished it: w2 did
        assertThat(cluster.log(cluster.node("w2"))).contains("Partition " + slice + " (");
        everyArticleIsTranslatedIntoEveryLanguageExactlyOnce();
        noSliceLost(run);
        feedsEqualOnEveryNode();
    }

    @Test
    @Order(5)
    void aRunCaughtByADatabaseRestartCompletesOrFailsCleanlyAndResumesByItself() throws Exception {
        aRunCaughtByARestartOf("database", () -> lab.database("restart"));
    }

    @Test
    @Order(6)
    void aRunCaughtByABrokerRestartCompletesOrFailsCleanlyAndResumesByItself() throws Exception {
        aRunCaughtByARestartOf("broker", () -> lab.broker("restart"));
    }

    /** A run with a worker inside a slice, the service restarted: every article translated once all the same. */
    private void aRunCaughtByARestartOf(String service, Runnable restart) throws Exception {
        long run = faultInTheMiddleOfASlice(cluster.node("m"), cluster.node("w1"), () -> restart.run()).run();
        awaitEveryArticleTranslated(Duration.ofMinutes(15));
        String status = awaitEnd(run, Duration.ofMinutes(15));
        System.out.println("Run " + run + " caught by the " + service + " restart ended " + status);
        assertThat(status).isIn("COMPLETED", "FAILED");
        everyArticleIsTranslatedIntoEveryLanguageExactlyOnce();
        feedsEqualOnEveryNode();
    }

    @Test
    @Order(7)
    void aSlowLossyLinkBetweenAWorkerAndTheBrokerSlowsTheRunDownButLosesAndDoublesNothing() throws Exception {
        Node m = cluster.node("m");
        Node w1 = cluster.node("w1");
        String how = lab.slow(w1.name(), Target.BROKER, 10);
        System.out.println("w1 to the broker: " + how);
        try {
            pushArticles(m, ARTICLES);
            long run = startRun(m);
            assertThat(awaitEnd(run, Duration.ofMinutes(15))).isEqualTo("COMPLETED");
            noSliceLost(run);
        } finally {
            lab.heal(w1.name());
        }
        everyArticleIsTranslatedIntoEveryLanguageExactlyOnce();
        feedsEqualOnEveryNode();
    }

    @Test
    @Order(8)
    void aRunWhoseManagerIsKilledIsAbandonedByTheElectedNodeAndItsWorkIsDoneByTheNextRun() throws Exception {
        // a manager of its own for this run (manager role only), on a host of its own in the lab, killed inside it
        Node manager = cluster.start("m3", 8080, "manager", Duration.ZERO, common);
        long run;
        long killed;
        try {
            cluster.awaitStarted(manager, Duration.ofMinutes(40));
            // killed while w2 is inside a slice (any worker would do: this is about the manager; w1 may still be
            // reconnecting to the broker after the slow link's test)
            run = faultInTheMiddleOfASlice(manager, cluster.node("w2"), () -> cluster.kill(manager)).run();
        } finally {
            // killed whatever happened: a manager left alive would be a candidate for polling in the next tests
            cluster.kill(manager);
            killed = System.nanoTime();
        }

        // the run manager's lease runs out (three lease times) and the elected node sees it so at two looks in a row
        // (resume-after): the run is abandoned in about a minute, not after partition-timeout (30 minutes here)
        String status = awaitEnd(run, Duration.ofMinutes(5));
        System.out.printf("run %d, its manager killed, ended %s %.1f s after the kill%n", run, status,
                (System.nanoTime() - killed) / 1e9);
        assertThat(status).isEqualTo("ABANDONED");
        // by the node elected to poll (m or w2), with the reason
        assertThat(cluster.log(cluster.node("m")) + cluster.log(cluster.node("w2")))
                .contains("Localize run #" + run + " marked ABANDONED: no node has managed it since");
        // what its slices had not done is done by the run the elected node starts next, or was finished by the
        // workers from the slices already queued: either way once
        awaitEveryArticleTranslated(Duration.ofMinutes(15));
        ClusterNodes.await(Duration.ofMinutes(15), "a localize run is still going on", () -> cluster.count(
                "select count(*) from batch_job_execution e join batch_job_instance i on i.job_instance_id = "
                        + "e.job_instance_id where i.job_name = 'localize' and e.status in ('STARTING', 'STARTED')") == 0);
        everyArticleIsTranslatedIntoEveryLanguageExactlyOnce();
        feedsEqualOnEveryNode();
    }

    @Test
    @Order(9)
    void aWorkerKilledInTheMiddleOfASliceLeavesItToTheOtherWorkerAndEveryTranslationIsStoredOnce()
            throws Exception {
        Node m = cluster.node("m");
        Node w1 = cluster.node("w1");
        Node w2 = cluster.node("w2");
        RunAndSlice caught = faultInTheMiddleOfASlice(m, w1, () -> cluster.kill(w1));
        long run = caught.run();
        long killed = caught.slice();
        long writtenBeforeKill = cluster.count(
                "select write_count from batch_step_execution where step_execution_id = ?", killed);

        assertThat(awaitEnd(run, Duration.ofMinutes(15))).isEqualTo("COMPLETED");
        assertThat(sliceStatus(killed)).isEqualTo("COMPLETED");
        assertThat(cluster.log(w2)).contains("Partition " + killed + " (")
                .contains("was started elsewhere and not finished");
        assertThat(cluster.count("select write_count from batch_step_execution where step_execution_id = ?",
                killed)).isGreaterThan(writtenBeforeKill);
        everyArticleIsTranslatedIntoEveryLanguageExactlyOnce();
        noSliceLost(run);
        feedsEqualOnEveryNode();
        // w2's static copy is rewritten through the broker too
        List<String> served = feedIds(cluster.get(m, "/feeds/es/feed.json").body());
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
    @Order(10)
    void whenThePollingNodeDiesAnotherNodeTakesOverTheFeedAndNoItemIsLostOrDoubled() throws Exception {
        long source = feedSource();
        Node leader = awaitPoller(List.of(cluster.node("m"), cluster.node("w2")));
        Node other = leader == cluster.node("m") ? cluster.node("w2") : cluster.node("m");

        cluster.kill(leader);
        killedAt.put(leader.name(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
        long killed = System.nanoTime();
        serveFeed(20);

        ClusterNodes.await(Duration.ofSeconds(90), other.name() + " did not take over polling", () -> elected(other));
        System.out.printf("%s took over polling %.1f s after %s was killed%n", other.name(),
                (System.nanoTime() - killed) / 1e9, leader.name());
        ClusterNodes.await(Duration.ofSeconds(90), "the 4 new feed items were not ingested",
                () -> cluster.count("select count(*) from article where source_id = ?", source) == 20);
        Thread.sleep(8_000); // a few more polls of the same feed
        feedIngestedOnceWithoutDeadLetters(source, 20);
        atMostOnePollerAtAnyMoment();
    }

    // --- checks ---------------------------------------------------------------------------------------------

    private void everyArticleIsTranslatedIntoEveryLanguageExactlyOnce() {
        long articles = cluster.count("select count(*) from article");
        assertThat(cluster.count("select count(*) from translation")).isEqualTo(articles * LANGUAGES);
        assertThat(cluster.count("""
                select count(*) from (select article_id, lang from translation group by article_id, lang
                                      having count(*) > 1) d""")).isZero();
        // attempts counts the stores of a translation: 1 everywhere means no slice translated an article twice
        assertThat(cluster.string("""
                select string_agg(article_id || '/' || lang || ': ' || attempts, ', ') from translation
                where attempts <> 1""")).as("translations stored more than once").isNull();
        assertThat(cluster.count("select count(*) from translation where state in ('PENDING', 'FAILED')")).isZero();
    }

    /** Every slice of the run (and of its restarts) completed: none failed, was abandoned or is still waiting. */
    private void noSliceLost(long run) {
        assertThat(cluster.string("""
                select string_agg(s.step_execution_id || ' ' || s.status, ', ') from batch_step_execution s
                join batch_job_execution e on e.job_execution_id = s.job_execution_id
                where e.job_instance_id = (select job_instance_id from batch_job_execution where job_execution_id = ?)
                  and s.step_name like 'translateLanguage%' and s.status <> 'COMPLETED'
                  and e.job_execution_id = (select max(job_execution_id) from batch_job_execution x
                                            where x.job_instance_id = e.job_instance_id)""", run))
                .as("slices of run " + run + " not completed").isNull();
    }

    private void feedIngestedOnceWithoutDeadLetters(long source, int items) {
        assertThat(cluster.count("select count(*) from article where source_id = ?", source)).isEqualTo(items);
        assertThat(cluster.count("select count(distinct external_id) from article where source_id = ?", source))
                .isEqualTo(items);
        assertThat(cluster.string("select string_agg(reason, ' | ') from dead_letter")).isNull();
    }

    private void atMostOnePollerAtAnyMoment() {
        Map<String, String> logs = new LinkedHashMap<>();
        for (String name : List.of("m", "w2")) {
            logs.put(name, cluster.log(cluster.node(name)));
        }
        Map<String, Long> shifts = new LinkedHashMap<>();
        logs.keySet().forEach(name -> shifts.put(name, cluster.monotonicShiftMillis(name)));
        List<PollerHistory.Term> terms = PollerHistory.terms(logs, killedAt, shifts);
        List<PollerHistory.Fetch> fetches = feedServer.fetches();
        assertThat(terms).as("no node ever polled").isNotEmpty();
        assertThat(fetches).as("the feed was never fetched").isNotEmpty();
        // a request sent at a term's end can arrive up to the poller's connect timeout (10 s) later, plus a second
        assertThat(PollerHistory.violations(terms, fetches, 11_000))
                .as("poller history: %s; %d fetches", terms, fetches.size()).isEmpty();
    }

    /** Every node that is alive serves the same Spanish feed (the manager from the database, the others too). */
    private void feedsEqualOnEveryNode() throws Exception {
        Node m = cluster.node("m");
        Map<String, List<String>> served = new LinkedHashMap<>();
        try {
            ClusterNodes.await(Duration.ofSeconds(60), "the nodes serve different feeds", () -> {
                try {
                    List<String> reference = feedIds(cluster.get(m, "/feeds/es/feed.json").body());
                    served.put("m", reference);
                    for (Node node : List.of(cluster.node("w1"), cluster.node("w2"))) {
                        if (!node.process().isAlive()) {
                            continue;
                        }
                        List<String> ids = feedIds(cluster.get(node, "/feeds/es/feed.json").body());
                        served.put(node.name(), ids);
                        if (!ids.equals(reference)) {
                            return false;
                        }
                    }
                    return !reference.isEmpty();
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ", Spanish feed ids by node: " + served, e);
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private long feedSource() {
        return cluster.count("select id from source where url = ?", feedServer.url());
    }

    private Node awaitPoller(List<Node> candidates) {
        Node[] found = new Node[1];
        ClusterNodes.await(Duration.ofSeconds(90), "no node polls", () -> {
            List<Node> elected = candidates.stream().filter(this::elected).toList();
            if (elected.size() == 1) {
                found[0] = elected.get(0);
                return true;
            }
            return false;
        });
        return found[0];
    }

    private boolean elected(Node node) {
        try {
            return node.process().isAlive()
                    && cluster.get(node, "/actuator/health").body().replace(" ", "").contains("\"elected\":true");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A run, and the slice a worker was caught in the middle of. */
    private record RunAndSlice(long run, long slice) {
    }

    /** A fault struck while a worker is held in the middle of a slice. */
    @FunctionalInterface
    private interface Fault {
        void strike() throws Exception;
    }

    /**
     * Pushes a run's articles and starts it until {@code worker} is caught inside a slice (started, a chunk stored,
     * not finished), and strikes {@code fault} there. A slice lasts a second or less on a fast machine, shorter than
     * the test can poll and act: the worker is frozen (SIGSTOP) as soon as it is seen in the middle of one, the slice
     * is looked at again while it cannot move, and the fault strikes before it goes on (SIGCONT; nothing for a worker
     * the fault killed). When the run ends before (the other worker took its slices), another run is tried (at most
     * six). First, the worker must be consuming the slices' queue: after an earlier fault it reconnects in its own time.
     */
    private RunAndSlice faultInTheMiddleOfASlice(Node m, Node worker, Fault fault) throws Exception {
        ClusterNodes.await(Duration.ofMinutes(2), worker.name() + " does not consume the slices' queue",
                () -> lab.consumers(ClusterSettings.PARTITION_QUEUE).contains(worker.host()));
        for (int attempt = 1; ; attempt++) {
            // text the cluster has not translated yet: the earlier tests' phrases are all in its memory by now, and a
            // slice of them ends before it can be caught
            pushArticles(m, ARTICLES, true);
            long run = startRun(m);
            long slice = frozenInTheMiddleOfASlice(worker, run);
            if (slice > 0) {
                RunAndSlice caught = new RunAndSlice(run, slice);
                try {
                    fault.strike();
                } finally {
                    cluster.thaw(worker);
                }
                return caught;
            }
            System.out.println("run " + run + " ended before " + worker.name() + " was caught inside a slice: again");
            assertThat(attempt).as(worker.name() + " was never caught inside a slice in 6 runs").isLessThan(6);
        }
    }

    /**
     * The slice {@code node} is in the middle of, with the node frozen there; or 0 (the node running) when the run
     * ended first.
     */
    private long frozenInTheMiddleOfASlice(Node node, long run) throws InterruptedException {
        Pattern started = Pattern.compile("Partition (\\d+) \\(([^)]*)\\) starting on " + node.name() + "\\b");
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        long lastRunCheck = 0;
        // what the node was seen doing, said when the run ends first
        Set<Long> seen = new LinkedHashSet<>();
        int looks = 0;
        while (System.nanoTime() < deadline) {
            String log = cluster.log(node);
            Matcher m = started.matcher(log);
            long last = -1;
            while (m.find()) {
                last = Long.parseLong(m.group(1));
            }
            if (last >= 0) {
                seen.add(last);
            }
            // the log says whether that slice has ended on the node: the database is asked only while it has not
            boolean running = last >= 0 && !Pattern.compile(
                    "Partition " + last + " (\\([^)]*\\) [A-Z]+: \\d+ read|handed back)").matcher(log).find();
            if (running) {
                looks++;
                if (inTheMiddle(last)) {
                    cluster.freeze(node);
                    // a commit the node had sent lands meanwhile: the slice is looked at as the frozen node left it
                    Thread.sleep(200);
                    if (inTheMiddle(last)) {
                        return last;
                    }
                    cluster.thaw(node);
                }
            }
            if (System.nanoTime() - lastRunCheck > Duration.ofMillis(500).toNanos()) {
                lastRunCheck = System.nanoTime();
                String runStatus = cluster.string("select status from batch_job_execution where job_execution_id = ?",
                        run);
                if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(runStatus)) {
                    System.out.println("run " + run + " ended " + runStatus + "; the last slices " + node.name()
                            + " started: " + seen + ", looked at " + looks + " times while one ran");
                    return 0;
                }
            }
            Thread.sleep(30);
        }
        throw new AssertionError(node.name() + " never was in the middle of a slice of run " + run);
    }

    /**
     * Started, a chunk stored, and an article of the slice still to translate (a slice at the tail of a language's
     * articles has fewer than {@value #SLICE}: its written count alone cannot say whether its last chunk is stored).
     */
    private boolean inTheMiddle(long slice) {
        String state = cluster.string(
                "select status || ' ' || write_count from batch_step_execution where step_execution_id = ?", slice);
        if (state == null || !state.startsWith("STARTED ")) {
            return false;
        }
        long written = Long.parseLong(state.substring("STARTED ".length()));
        if (written == 0) {
            return false;
        }
        Map<String, Object> range = slices.computeIfAbsent(slice, this::sliceRange);
        return cluster.count("select count(*) from article a where a.id between ? and ? and not exists (select 1 from "
                + "translation t where t.article_id = a.id and t.lang = ? and t.state <> 'PENDING')",
                range.get(SlicePartitioner.FIRST_ID), range.get(SlicePartitioner.LAST_ID),
                range.get(LocalizeSteps.LANG)) > 0;
    }

    /** Each slice's language and articles, as the manager wrote them in its context. */
    private final Map<Long, Map<String, Object>> slices = new ConcurrentHashMap<>();

    private Map<String, Object> sliceRange(long slice) {
        String context = cluster.string("select coalesce(serialized_context, short_context) from "
                + "batch_step_execution_context where step_execution_id = ?", slice);
        try {
            return new DefaultExecutionContextSerializer().deserialize(
                    new ByteArrayInputStream(context.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String sliceStatus(long slice) {
        return cluster.string("select status from batch_step_execution where step_execution_id = ?", slice);
    }

    private void awaitEveryArticleTranslated(Duration within) {
        ClusterNodes.await(within, "not every article was translated into every language", () -> cluster.count(
                "select count(*) from translation where state not in ('PENDING', 'FAILED')")
                >= cluster.count("select count(*) from article") * LANGUAGES);
    }

    private void pushArticles(Node node, int count) throws Exception {
        pushArticles(node, count, false);
    }

    /**
     * Articles of two of the test's phrases each; {@code unseen}: each sentence made new (a dispatch number before it),
     * so that neither the translation memory nor LanguageTool's cache answers and a slice takes a while.
     */
    private void pushArticles(Node node, int count, boolean unseen) throws Exception {
        for (int i = 0; i < count; i++) {
            int n = pushed++;
            String first = phrases.get(n % phrases.size());
            String second = phrases.get((n % phrases.size() + 1 + n / phrases.size()) % phrases.size());
            if (unseen) {
                first = "Selon la dépêche " + n + ", " + Character.toLowerCase(first.charAt(0)) + first.substring(1);
                second = "D'après la même source " + n + ", " + Character.toLowerCase(second.charAt(0))
                        + second.substring(1);
            }
            String json = "{\"externalId\": \"cluster-test-" + n + "\", \"title\": \"" + json(title(n))
                    + "\", \"body\": \"<p>" + json(first + " " + second) + "</p>\"}";
            HttpResponse<String> response = cluster.post(node, "/api/articles", json);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
    }

    private HttpResponse<String> post(Node node, String path) {
        try {
            return cluster.post(node, path, "{}");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
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
        // QUEUED: the run had not started within the API's 5 s (three nodes busy on two cores); the API promises it
        // starts as soon as it can, and that run is the one under test
        assertThat(response.body()).contains("\"QUEUED\"");
        long[] started = new long[1];
        ClusterNodes.await(Duration.ofMinutes(3), "the queued run never started: " + response.body(), () -> {
            started[0] = cluster.count("select coalesce(max(job_execution_id), 0) from batch_job_execution");
            return started[0] > before;
        });
        return started[0];
    }

    /** The status of the run's last execution (a run that failed and was restarted: the restart's). */
    private String awaitEnd(long run, Duration within) {
        String[] status = new String[1];
        try {
            awaitStatus(run, within, status);
        } catch (AssertionError e) {
            // what it was left in, and its slices: a run left UNKNOWN or STARTED is the failure to look into
            throw new AssertionError(e.getMessage() + " (last status " + status[0] + "; slices: " + cluster.string("""
                    select string_agg(step_execution_id || ' ' || step_name || ' ' || status, ', '
                      order by step_execution_id) from batch_step_execution where job_execution_id = ?""", run) + ")", e);
        }
        return status[0];
    }

    private void awaitStatus(long run, Duration within, String[] status) {
        ClusterNodes.await(within, "run " + run + " did not end", () -> {
            status[0] = cluster.string("""
                    select status from batch_job_execution where job_instance_id =
                      (select job_instance_id from batch_job_execution where job_execution_id = ?)
                    order by job_execution_id desc limit 1""", run);
            return Objects.equals(status[0], "COMPLETED") || Objects.equals(status[0], "FAILED")
                    || Objects.equals(status[0], "STOPPED") || Objects.equals(status[0], "ABANDONED");
        });
    }

    private static List<String> feedIds(String json) {
        List<String> ids = new ArrayList<>();
        Matcher m = FEED_ID.matcher(json);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private void serveFeed(int items) {
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
        feedServer.serve(xml.toString());
    }
}
