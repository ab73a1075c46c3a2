package io.relais.cluster;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.relais.cluster.ClusterNodes.Node;

/**
 * {@code bench/cluster}: the same articles translated into the five default languages by the single-machine
 * default (one process, H2, two languages at a time) and by a cluster of one manager and two workers (PostgreSQL,
 * RabbitMQ), both on this machine, in one run. Prints the run time and translated words per second of each.
 * Start-up is not counted: the clock runs from the run's start to its end.
 */
public final class ClusterBench {

    private static final int LANGUAGES = 5;

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        List<String> phrases = Files.readAllLines(Path.of("src/test/resources/cluster/phrases-fr.txt"),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        List<String[]> batch = new java.util.ArrayList<>();
        long frenchWords = 0;
        for (int i = 0; i < articles; i++) {
            String title = "Les nouvelles de la ville, édition numéro " + (i + 1);
            StringBuilder body = new StringBuilder();
            for (int k = 0; k < 4; k++) {
                body.append(phrases.get((i * 7 + k * (1 + i / phrases.size())) % phrases.size())).append(' ');
            }
            batch.add(new String[] {title, body.toString().trim()});
            frenchWords += words(title) + words(body.toString());
        }
        System.out.printf("%d articles, %d French words, into %d languages%n", articles, frenchWords, LANGUAGES);

        double single;
        try (ClusterNodes nodes = new ClusterNodes()) {
            Path h2 = nodes.dir.resolve("bench-single-" + System.currentTimeMillis());
            Node node = nodes.startProcess("bench-single", 18090, Map.of("RELAIS_DB_URL", "jdbc:h2:file:" + h2
                    + "/relais;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"),
                    List.of("--relais.ingest.poll-on-start=false", "--relais.ingest.inbox-dir=" + h2.resolve("inbox")));
            nodes.awaitStarted(node, Duration.ofMinutes(20));
            single = timeRun(nodes, node, batch);
        }
        double cluster;
        try (ClusterNodes nodes = new ClusterNodes()) {
            List<String> args2 = List.of("--relais.ingest.poll-on-start=false", "--relais.cluster.slice-size=10");
            Node m = nodes.start("bench-m", 18091, "manager", args2);
            Node w1 = nodes.start("bench-w1", 18092, "worker", args2);
            Node w2 = nodes.start("bench-w2", 18093, "worker", args2);
            for (Node n : List.of(m, w1, w2)) {
                nodes.awaitStarted(n, Duration.ofMinutes(20));
            }
            cluster = timeRun(nodes, m, batch);
        }
        long translated = frenchWords * LANGUAGES;
        System.out.println();
        System.out.println("| setup | run (s) | French words x languages | words/s | vs one node |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| one node (default: H2, in-process partitions, 2 threads) | %.1f | %d | %.0f | 1.00 |%n",
                single, translated, translated / single);
        System.out.printf("| 1 manager + 2 workers (PostgreSQL, RabbitMQ, slices of 10) | %.1f | %d | %.0f | %.2f |%n",
                cluster, translated, translated / cluster, single / cluster);
    }

    private static double timeRun(ClusterNodes nodes, Node node, List<String[]> batch) throws Exception {
        int n = 0;
        for (String[] article : batch) {
            String json = "{\"externalId\": \"bench-" + (n++) + "\", \"title\": \"" + article[0]
                    + "\", \"body\": \"<p>" + article[1].replace("\"", "\\\"") + "</p>\"}";
            HttpResponse<String> response = nodes.post(node, "/api/articles", json);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("article refused: " + response.body());
            }
        }
        long start = System.nanoTime();
        HttpResponse<String> started = nodes.post(node, "/api/jobs/localize", "{}");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(started.body());
        if (!id.find()) {
            throw new IllegalStateException("no run started: " + started.body());
        }
        Pattern status = Pattern.compile("\"id\":" + id.group(1) + ",\"instance\":\\d+,\"status\":\"(\\w+)\"");
        String[] last = {""};
        ClusterNodes.await(Duration.ofMinutes(30), "run did not end", () -> {
            try {
                Matcher m = status.matcher(nodes.get(node, "/api/jobs").body());
                last[0] = m.find() ? m.group(1) : "";
            } catch (Exception e) {
                return false;
            }
            return last[0].equals("COMPLETED") || last[0].equals("FAILED");
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!last[0].equals("COMPLETED")) {
            throw new IllegalStateException("run ended " + last[0]);
        }
        System.out.printf("%s: run of %d articles completed in %.1f s%n", node.name(), batch.size(), seconds);
        return seconds;
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }
}
