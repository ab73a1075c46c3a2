package io.relais.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import io.relais.bench.LatencyBench.Article;
import io.relais.bench.LatencyBench.Service;

/**
 * What the JVM's flags do to the backlog's throughput: for each set of flags given, the packaged service, started as
 * {@code ./relais run} starts it with the flags added, with a backlog pending (as after a downtime: a fresh JVM runs
 * it at once), then as much again pushed as a burst to the now warm service (timed from the first push to the end of
 * its run, which begins 10 s after the last article the express lane left to it). Each with its CPU by thread (JIT
 * compiler threads, GC and VM threads, Apertium) and as a ratio of the raw tools (the apertium command and a plain
 * LanguageTool loop per language) on the same articles in the same run. Run with {@code bench/jvm-flags}.
 */
public final class JvmFlagsBench {

    private JvmFlagsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path flores = Path.of(args[0]).resolve("devtest.fra");
        int size = Integer.parseInt(args[1]);
        List<String> flagSets = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("", "-XX:TieredStopAtLevel=1");
        List<String> sentences = TranslationBench.read(flores, 1012);
        List<Article> pending = LatencyBench.backlogArticles(sentences, size);
        List<Article> burst = LatencyBench.backlogArticles(sentences, size, 99, "Suite ");
        long pendingWords = words(pending);
        long burstWords = words(burst);
        System.out.printf(Locale.ROOT, "backlog pending at start: %d articles, %d French words; burst: %d articles, %d French "
                + "words; into %d languages; %d cores, load average %.1f at the start (%s)%n%n", pending.size(),
                pendingWords / LatencyBench.LANGUAGES.size(), burst.size(), burstWords / LatencyBench.LANGUAGES.size(),
                LatencyBench.LANGUAGES.size(), Runtime.getRuntime().availableProcessors(), LatencyBench.load(),
                LocalDateTime.now().withNano(0));

        // the raw tools on the same articles, warmed first (their JVM is this one)
        double rawRate;
        try (LatencyBench.Floor floor = new LatencyBench.Floor()) {
            floor.warmUp(burst.subList(0, 2));
            rawRate = (pendingWords + burstWords) / (floor.rawTools(pending) + floor.rawTools(burst));
        }
        System.out.printf(Locale.ROOT, "raw tools: %.0f words/s (French words x languages)%n%n", rawRate);

        Path work = Path.of("target/bench-jvm-flags").toAbsolutePath();
        PipelineBench.deleteTree(work);
        Path template = work.resolve("pending");
        Service loader = Service.start(template, List.of("--relais.batch.run-after-ingest=false"));
        for (int i = 0; i < pending.size(); i++) {
            loader.push(pending.get(i), "backlog-" + i);
        }
        loader.stop();

        String shipped = System.getProperty("relais.start", "-jar target/relais.jar");
        System.out.println("CPU s: the service's and its Apertium processes' (of which JIT compiler threads / GC and VM "
                + "threads / Apertium), from the service's start to the end of the pending backlog's run, from the first "
                + "push to the end of the burst's");
        System.out.println("flags added, backlog                       time    words/s  ÷ raw   CPU s (JIT / GC+VM / "
                + "Apertium)    ready  peak RSS   load");
        int n = 0;
        for (String flags : flagSets) {
            Path dir = work.resolve("service-" + n++);
            copy(template, dir);
            System.setProperty("relais.start", (flags + " " + shipped).trim());
            Service service = Service.start(dir, List.of());
            JsonNode run = service.awaitBacklogRun();
            JsonNode ended = service.awaitBacklogEnd(run.get("id").asLong());
            double seconds = Duration.between(LocalDateTime.parse(ended.get("startTime").asString()),
                    LocalDateTime.parse(ended.get("endTime").asString())).toMillis() / 1000.0;
            double[] split = ProcessTreeCpu.split(service.process.toHandle());
            String name = flags.isBlank() ? "(as shipped)" : flags;
            row(name + ", pending at start", seconds, pendingWords, rawRate, split, new double[4], service);

            long t0 = System.nanoTime();
            for (int i = 0; i < burst.size(); i++) {
                service.push(burst.get(i), "burst-" + i);
            }
            JsonNode burstRun = service.awaitBacklogRun(Duration.ofSeconds(60));
            if (burstRun != null) {
                service.awaitBacklogEnd(burstRun.get("id").asLong());
            }
            double burstSeconds = (System.nanoTime() - t0) / 1e9;
            row(name + ", then a burst", burstSeconds, burstWords, rawRate,
                    ProcessTreeCpu.split(service.process.toHandle()), split, service);
            service.stop();
        }
        System.out.printf(Locale.ROOT, "%nservice started with: java -Xmx1g <flags added> %s%nload average at the end: %.1f%n",
                shipped, LatencyBench.load());
        System.exit(0);
    }

    static void row(String name, double seconds, long words, double rawRate, double[] split, double[] before,
                    Service service) {
        double jit = split[0] - before[0];
        double gc = split[1] - before[1];
        double apertium = split[3] - before[3];
        double all = split[2] + split[3] - before[2] - before[3];
        System.out.printf(Locale.ROOT, "%-40s %6.1f s  %6.0f   %5.2f   %6.1f (%5.1f / %4.1f / %5.1f)   %5.1f s  %5d MB  %4.1f%n",
                name, seconds, words / seconds, words / seconds / rawRate, all, jit, gc, apertium, service.ready,
                service.peakRssMb(), LatencyBench.load());
    }

    private static long words(List<Article> articles) {
        return articles.stream().mapToLong(Article::words).sum() * LatencyBench.LANGUAGES.size();
    }

    private static void copy(Path from, Path to) throws Exception {
        List<Path> paths;
        try (var walk = Files.walk(from)) {
            paths = new ArrayList<>(walk.toList());
        }
        for (Path p : paths) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else if (!p.getFileName().toString().endsWith(".log")) {
                Files.copy(p, target);
            }
        }
    }
}
