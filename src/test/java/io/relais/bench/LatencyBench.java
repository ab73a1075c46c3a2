package io.relais.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.languagetool.JLanguageTool;

import io.relais.engine.Words;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.relais.testing.ExitedProcess;

/**
 * Breaking news, measured: articles of about 600 French words (FLORES-200 devtest sentences) pushed to the service
 * ({@code POST /api/articles}, the packaged jar under {@code -Xmx1g}, publication policy {@code machine}), from the
 * request to the moment each language's RSS answers with the article — at an idle service, and while a backlog run
 * of 200 articles is going: pushed beforehand with the express lane off and run when the service starts (a fresh JVM),
 * and pushed as a burst to a service that has been running (the express lane takes the first, the backlog job the rest),
 * then a second burst of other articles at that service once the first one's run has ended (its code compiled by then) —
 * against the floor: the same article through the {@code apertium} command (every default route at once) and a plain
 * {@link JLanguageTool} loop per language (all at once, instances created and warmed beforehand), on the same cores,
 * in the same run, with the service stopped. Also the backlog run's throughput while express articles arrive, as a
 * ratio of the raw tools on the same backlog; start to ready; peak resident memory. Run with {@code bench/latency}.
 */
public final class LatencyBench {

    static final List<String> LANGUAGES = List.of("es", "ca", "en", "it", "pt");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "latency-bench";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Article(String title, List<String> paragraphs) {
        String html() {
            return String.join("", paragraphs.stream().map(p -> "<p>" + PipelineBench.escape(p) + "</p>").toList());
        }

        List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add(title);
            lines.addAll(paragraphs);
            return lines;
        }

        int words() {
            return Words.count(title) + paragraphs.stream().mapToInt(Words::count).sum();
        }
    }

    /**
     * One arrival: seconds from the request to its acceptance (201), to each language's translation being stored
     * (committed), and to each language's RSS having it.
     */
    record Arrival(double accepted, Map<String, Double> stored, Map<String, Double> toRss, List<String> held) {
        /** Seconds from a language being stored to its RSS having it, the worst language. */
        double publishing() {
            return toRss.entrySet().stream().filter(e -> stored.containsKey(e.getKey()))
                    .mapToDouble(e -> e.getValue() - stored.get(e.getKey())).max().orElse(Double.NaN);
        }

        double lastStored() {
            return stored.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        double last() {
            return toRss.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        double first() {
            return toRss.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }
    }

    public static void main(String[] args) throws Exception {
        Path flores = Path.of(args.length > 0 ? args[0] : "../shared/eval/flores200").resolve("devtest.fra");
        int arrivals = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int backlogSize = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        List<String> sentences = TranslationBench.read(flores, 1012);
        // arrivals not counted after the service's warm-up (bench.warm-arrivals, default 2)
        int warm = Integer.getInteger("bench.warm-arrivals", 2);
        List<Article> express = expressArticles(sentences, 2 * arrivals + warm);
        List<Article> backlog = backlogArticles(sentences, backlogSize);
        // (e)'s articles: other groupings of the same sentences, so that neither the memory nor a cache answers for them
        List<Article> secondBacklog = backlogArticles(sentences, backlogSize, 77, "Dépêche ");
        List<Article> secondExpress = expressArticles(shuffled(sentences, 91), arrivals);
        int expressWords = express.stream().mapToInt(Article::words).sum() / express.size();
        int backlogWords = backlog.stream().mapToInt(Article::words).sum();
        Path work = Path.of("target/bench-latency").toAbsolutePath();
        PipelineBench.deleteTree(work);
        Files.createDirectories(work);
        System.out.printf(Locale.ROOT, "express articles: ~%d French words each (FLORES-200 devtest, a title and paragraphs "
                + "of 3 sentences), into %s; backlog: %d articles, %d French words%n", expressWords,
                String.join(", ", LANGUAGES), backlog.size(), backlogWords);
        System.out.printf(Locale.ROOT, "%d cores, load average %.1f at the start (%s)%n%n",
                Runtime.getRuntime().availableProcessors(), load(), LocalDateTime.now().withNano(0));

        // (a) an idle service: warm (its warm-up done, `warm` arrivals not counted), then one arrival at a time
        Service idle = Service.start(work.resolve("idle"), List.of());
        idle.awaitWarmUp();
        for (int i = 0; i < warm; i++) {
            idle.arrive(express.get(i), "warm-" + i);
        }
        List<Arrival> atIdle = new ArrayList<>();
        double idleCpu0 = idle.cpuSeconds();
        for (int i = 0; i < arrivals; i++) {
            atIdle.add(idle.arrive(express.get(warm + i), "idle-" + i));
            Thread.sleep(1000);
        }
        double idleCpu = idle.cpuSeconds() - idleCpu0;
        long idleWords = (long) express.subList(warm, warm + arrivals).stream().mapToInt(Article::words).sum() * LANGUAGES.size();
        double idleLoad = load();
        long idleRss = idle.peakRssMb();
        idle.stop();

        // (b) the floor, on the same articles, with the service stopped; and the raw tools on the backlog
        Floor floor = new Floor();
        floor.warmUp(express.subList(0, Math.min(2, warm)));
        List<Double> floors = new ArrayList<>();
        double floorCpu0 = ProcessTreeCpu.seconds();
        for (int i = 0; i < arrivals; i++) {
            floors.add(floor.time(express.get(warm + i)));
        }
        double floorCpu = ProcessTreeCpu.seconds() - floorCpu0;
        double rawCpu0 = ProcessTreeCpu.seconds();
        double rawBacklog = floor.rawTools(backlog);
        double rawBacklogCpu = ProcessTreeCpu.seconds() - rawCpu0;
        floor.close();

        // (c) the same arrivals while a backlog run of the backlog articles is going, at a service started with the
        // backlog pending (after a downtime: the JVM is fresh, and the backlog's start ends the warm-up's second phase)
        Service loader = Service.start(work.resolve("backlog"), List.of("--relais.batch.run-after-ingest=false"));
        for (int i = 0; i < backlog.size(); i++) {
            loader.push(backlog.get(i), "backlog-" + i);
        }
        loader.stop();
        Service busy = Service.start(work.resolve("backlog"), List.of());   // the pending backlog runs at once
        JsonNode run = busy.awaitBacklogRun();
        busy.awaitWarmUp();
        BacklogWindow restarted = BacklogWindow.measure(busy, run, backlog, "backlog-", express.subList(warm + arrivals,
                warm + 2 * arrivals), "busy-");
        busy.stop();

        // (d) the same backlog arriving as a burst at a service that has been running (warmed up): the express lane
        // takes the first articles, the rest wait for the debounced backlog run; then the same arrivals during that run
        Service running = Service.start(work.resolve("burst"), List.of());
        running.awaitWarmUp();
        double handedOver0 = running.metric("relais.express.handed-over");
        for (int i = 0; i < backlog.size(); i++) {
            running.push(backlog.get(i), "backlog-" + i);
        }
        int handedOver = (int) (running.metric("relais.express.handed-over") - handedOver0);
        // the debounced run starts 10 s after the last article left to it; none when the lane kept up with the burst
        JsonNode burstRun = running.awaitBacklogRun(Duration.ofSeconds(60));
        BacklogWindow burst = burstRun == null ? null : BacklogWindow.measure(running, burstRun, backlog, "backlog-",
                express.subList(warm + arrivals, warm + 2 * arrivals), "burst-");
        // (e) a second burst of as many other articles at the same service once that run has ended, with other express
        // arrivals during its run: the backlog's code compiled by the first run, as a service that has run a while has it
        BacklogWindow second = null;
        if (burst != null) {
            for (int i = 0; i < backlog.size(); i++) {
                running.push(secondBacklog.get(i), "backlog-e-" + i);
            }
            JsonNode secondRun = running.awaitBacklogRun(Duration.ofSeconds(60));
            second = secondRun == null ? null : BacklogWindow.measure(running, secondRun, secondBacklog, "backlog-e-",
                    secondExpress, "second-");
        }
        long burstRss = running.peakRssMb();
        running.stop();
        long busyRss = restarted.rss();

        double rawRate = (double) backlogWords * LANGUAGES.size() / rawBacklog;
        double rawPerWord = rawBacklogCpu / ((double) backlogWords * LANGUAGES.size());

        System.out.println();
        System.out.printf(Locale.ROOT, "service started with: java -Xmx1g %s%n", System.getProperty("relais.start",
                "-jar target/relais.jar"));
        System.out.printf(Locale.ROOT, "CPU from start to ready: %.1f s (idle service), %.1f s (with the backlog "
                + "pending)%n", idle.readyCpu, busy.readyCpu);
        System.out.printf(Locale.ROOT, "start to ready: %.1f s (idle service), %.1f s (with the backlog pending); "
                + "express lane warmed up %.1f s after start, its code compiled %.1f s after start%n", idle.ready, busy.ready,
                idle.warmedUp, idle.compiled);
        System.out.printf(Locale.ROOT, "  the warm-up said: %s%n", idle.compiledHow);
        System.out.printf(Locale.ROOT, "peak resident memory of the service (-Xmx1g, 5 languages): %d MB idle, %d MB "
                + "with the backlog pending at start, %d MB with the backlog arriving as a burst%n%n", idleRss, busyRss,
                burstRss);
        System.out.printf(Locale.ROOT, "from POST /api/articles to each language's RSS answering with the article (s; at "
                + "the idle service after %d arrivals not counted):%n", warm);
        System.out.println("                         p50    p95    first lang p50   door p50   arrivals   load");
        row("idle service", atIdle, idleLoad);
        row("behind the backlog run", restarted.arrivals(), restarted.load());
        if (burst != null) {
            row("behind the burst's run", burst.arrivals(), burst.load());
        }
        Collections.sort(floors);
        double floor50 = percentile(floors, 50);
        System.out.printf(Locale.ROOT, "floor (apertium command + LanguageTool loop, every language at once): "
                + "p50 %.2f s, p95 %.2f s%n", floor50, percentile(floors, 95));
        System.out.printf(Locale.ROOT, "ratio to the floor (p50, last language): idle %.2f, behind the backlog %.2f, "
                + "behind the burst's run %.2f%n%n", percentile(lasts(atIdle), 50) / floor50,
                percentile(lasts(restarted.arrivals()), 50) / floor50,
                burst == null ? Double.NaN : percentile(lasts(burst.arrivals()), 50) / floor50);
        System.out.printf(Locale.ROOT, "raw tools on the backlog (apertium command + LanguageTool loops, 5 threads): "
                + "%.1f s, %.0f words/s, %.2f CPU s per 1,000 words (French words x languages); the floor, one article "
                + "at a time, %.2f; the service's idle arrivals %.2f (%.2f of the floor)%n%n", rawBacklog, rawRate,
                1000 * rawPerWord, 1000 * floorCpu / idleWords, 1000 * idleCpu / idleWords, idleCpu / floorCpu);
        double floorPerWord = floorCpu / idleWords;
        restarted.print("(c) the backlog pending when the service started (a fresh JVM)", backlog.size(), rawRate,
                rawPerWord, floorPerWord);
        System.out.printf(Locale.ROOT, "(d) the backlog arriving as a burst at the running service: %d of %d articles "
                + "left to the backlog run by the express lane (its queue full), the others translated by it%n",
                handedOver, backlog.size());
        if (burst != null) {
            burst.print("    the burst's backlog run", backlog.size(), rawRate, rawPerWord, floorPerWord);
        } else {
            System.out.printf(Locale.ROOT, "    no backlog run was seen going: the express lane kept up with the burst%n%n");
        }
        if (second != null) {
            row("(e) behind the second burst's run", second.arrivals(), second.load());
            second.print("(e) a second burst of other articles at the same service, after (d)'s run (the backlog's code "
                    + "compiled by then)", backlog.size(), rawRate, rawPerWord, floorPerWord);
        }
        System.out.printf(Locale.ROOT, "load average at the end: %.1f%n", load());
        System.exit(0);
    }

    /**
     * Express arrivals while a backlog run goes on, and the service's work from the first arrival to the backlog's last
     * translation (the window).
     */
    record BacklogWindow(List<Arrival> arrivals, double[] words, double cpu, double yielded, double[] overhead,
                         double[] split, double load, long rss, double runSeconds, int duringRun) {

        /** One arrival every two seconds while the run goes on; then waits for the run's end. */
        static BacklogWindow measure(Service service, JsonNode run, List<Article> backlog, String backlogIds,
                                     List<Article> arriving, String prefix) throws Exception {
            List<Arrival> behind = new ArrayList<>();
            int during = 0;
            long windowStart = System.currentTimeMillis();
            double cpu0 = service.cpuSeconds();
            double yielded0 = service.metric(io.relais.batch.internal.LaneGate.METRIC);
            double[] overhead0 = service.jvmOverhead();
            double[] split0 = ProcessTreeCpu.split(service.process.toHandle());
            for (int i = 0; i < arriving.size() && service.backlogRunning(); i++) {
                Arrival a = service.arrive(arriving.get(i), prefix + i);
                if (service.backlogRunning()) {
                    behind.add(a);
                    during++;
                }
                Thread.sleep(2000);
            }
            JsonNode ended = service.awaitBacklogEnd(run.get("id").asLong());
            double cpu = service.cpuSeconds() - cpu0;
            double yielded = service.metric(io.relais.batch.internal.LaneGate.METRIC) - yielded0;
            double[] overhead = service.jvmOverhead();
            double[] split = ProcessTreeCpu.split(service.process.toHandle());
            // the words translated from the first arrival on until the backlog's last translation
            Map<String, Integer> words = new java.util.HashMap<>();
            for (int i = 0; i < backlog.size(); i++) {
                words.put("bench-" + backlogIds + i, backlog.get(i).words());
            }
            for (int i = 0; i < arriving.size(); i++) {
                words.put("bench-" + prefix + i, arriving.get(i).words());
            }
            double[] window = service.wordsStoredSince(windowStart, words);
            double load = LatencyBench.load();
            long rss = service.peakRssMb();
            double runSeconds = Duration.between(LocalDateTime.parse(ended.get("startTime").asString()),
                    LocalDateTime.parse(ended.get("endTime").asString())).toMillis() / 1000.0;
            double[] splitDelta = new double[split.length];
            for (int i = 0; i < split.length; i++) {
                splitDelta[i] = split[i] - split0[i];
            }
            return new BacklogWindow(behind, window, cpu, yielded,
                    new double[] {overhead[0] - overhead0[0], overhead[1] - overhead0[1]}, splitDelta, load, rss,
                    runSeconds, during);
        }

        void print(String title, int backlogSize, double rawRate, double rawPerWord, double floorPerWord) {
            double seconds = words[2];
            double allRate = words[0] / seconds;
            double backlogRate = words[1] / seconds;
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "%s: %d articles into %d languages in %.1f s, %d express articles arrived "
                    + "during it%n", title, backlogSize, LANGUAGES.size(), runSeconds, duringRun);
            System.out.printf(Locale.ROOT, "  throughput from the first express arrival to the backlog's last translation "
                    + "(%.1f s): all words translated (backlog and express) %.0f words/s, %.2f of the raw tools; backlog "
                    + "words alone %.0f words/s, %.2f%n", seconds, allRate, allRate / rawRate, backlogRate,
                    backlogRate / rawRate);
            System.out.printf(Locale.ROOT, "  CPU s per 1,000 words in the window (all words) %.2f (%.2f of the raw tools' "
                    + "backlog); service busy %.0f %% of the window's %d cores%n", 1000 * cpu / words[0],
                    (cpu / words[0]) / rawPerWord, 100 * cpu / (seconds * cores), cores);
            // the same words priced as the raw tools price them: the backlog's at the raw tools' backlog cost, the express
            // articles' at the floor's (one article at a time costs the raw tools more per word than a backlog does)
            double rawSameWork = words[1] * rawPerWord + (words[0] - words[1]) * floorPerWord;
            double jit = split[0];
            System.out.printf(Locale.ROOT, "  the window's words through the raw tools (backlog words at the raw tools' "
                            + "backlog cost, express words at the floor's): %.1f CPU s; the service used %.1f: %.2f of "
                            + "the raw tools' efficiency on the same work (%.2f without its JIT compilation)%n",
                    rawSameWork, cpu, rawSameWork / cpu, rawSameWork / (cpu - jit));
            System.out.printf(Locale.ROOT, "  backlog threads waiting for the express lane during the window: %.1f "
                    + "thread-s (%.0f %% of %d threads x %.1f s)%n", yielded, 100 * yielded / (LANGUAGES.size() * seconds),
                    LANGUAGES.size(), seconds);
            System.out.printf(Locale.ROOT, "  the service's CPU in the window by thread (CPU s, from /proc): JIT compiler "
                            + "threads %.1f, GC and VM threads %.1f, every other thread of the JVM (backlog, express, web, "
                            + "feeds) %.1f, its Apertium processes %.1f; without the JIT, %.2f CPU s per 1,000 words (%.2f "
                            + "of the raw tools); the JVM's own count: GC %.1f s (pauses and concurrent phases, wall "
                            + "time), JIT compilation %.1f s%n%n", jit, split[1], split[2] - jit - split[1], split[3],
                    1000 * (cpu - jit) / words[0], ((cpu - jit) / words[0]) / rawPerWord, overhead[0], overhead[1]);
        }
    }

    static void row(String name, List<Arrival> arrivals, double load) {
        if (arrivals.isEmpty()) {
            System.out.printf(Locale.ROOT, "  %-22s (no arrival)%n", name);
            return;
        }
        List<Double> stored = arrivals.stream().map(Arrival::lastStored).sorted().toList();
        List<Double> publishing = arrivals.stream().map(Arrival::publishing).sorted().toList();
        List<Double> firsts = arrivals.stream().map(Arrival::first).sorted().toList();
        List<Double> doors = arrivals.stream().map(Arrival::accepted).sorted().toList();
        List<Double> lasts = lasts(arrivals);
        System.out.printf(Locale.ROOT, "  %-22s %6.2f %6.2f   %14.2f   %8.2f   %8d   %4.1f%n", name,
                percentile(lasts, 50), percentile(lasts, 95), percentile(firsts, 50), percentile(doors, 50),
                arrivals.size(), load);
        Map<String, List<Double>> perLanguage = new LinkedHashMap<>();
        for (Arrival a : arrivals) {
            a.toRss().forEach((lang, s) -> perLanguage.computeIfAbsent(lang, l -> new ArrayList<>()).add(s));
        }
        StringBuilder line = new StringBuilder("    p50 per language:");
        perLanguage.forEach((lang, list) -> line.append(String.format(Locale.ROOT, " %s %.2f", lang,
                percentile(list.stream().sorted().toList(), 50))));
        System.out.println(line);
        long held = arrivals.stream().mapToLong(a -> a.held().size()).sum();
        if (held > 0) {
            System.out.printf(Locale.ROOT, "    %d of %d translations held for an editor (a blocking issue: not published under "
                    + "the machine policy; not in the figures)%n", held, arrivals.size() * LANGUAGES.size());
        }
        System.out.printf(Locale.ROOT, "    where the time goes (p50): request to the last language stored %.2f s; a language "
                + "stored to its RSS having it %.2f s (worst language of each arrival; p95 %.2f s)%n",
                percentile(stored, 50), percentile(publishing, 50), percentile(publishing, 95));
    }

    static List<Double> lasts(List<Arrival> arrivals) {
        return arrivals.stream().map(Arrival::last).sorted().toList();
    }

    /** Nearest-rank percentile of a sorted list. */
    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static List<String> shuffled(List<String> sentences, int seed) {
        List<String> list = new ArrayList<>(sentences);
        Collections.shuffle(list, new Random(seed));
        return list;
    }

    /** Articles of about 600 words: a title, then paragraphs of 3 consecutive sentences. */
    static List<Article> expressArticles(List<String> sentences, int count) {
        List<Article> list = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < count; i++) {
            String title = "Dernière heure " + (i + 1) + " : " + sentences.get(next++ % sentences.size());
            List<String> paragraphs = new ArrayList<>();
            int words = Words.count(title);
            while (words < 590) {
                List<String> group = new ArrayList<>();
                for (int s = 0; s < 3; s++) {
                    group.add(sentences.get(next++ % sentences.size()));
                }
                String p = String.join(" ", group);
                paragraphs.add(p);
                words += Words.count(p);
            }
            list.add(new Article(title, paragraphs));
        }
        return list;
    }

    /**
     * Backlog articles (a title and two paragraphs of 3 sentences) from the same sentences in another order: no
     * paragraph or title is one of the express articles', so neither the translation memory nor LanguageTool's cache
     * answers for them.
     */
    static List<Article> backlogArticles(List<String> sentences, int count) {
        return backlogArticles(sentences, count, 25, "Fil ");
    }

    /** Backlog articles from the sentences shuffled with {@code seed}, titles numbered after {@code prefix}. */
    static List<Article> backlogArticles(List<String> sentences, int count, int seed, String prefix) {
        List<String> shuffled = new ArrayList<>(sentences);
        Collections.shuffle(shuffled, new Random(seed));
        List<Article> list = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < count; i++) {
            if (next + 7 > shuffled.size()) {
                Collections.shuffle(shuffled, new Random(seed + i));
                next = 0;
            }
            String title = prefix + (i + 1) + " : " + shuffled.get(next++);
            List<String> paragraphs = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                paragraphs.add(String.join(" ", shuffled.subList(next, next + 3)));
                next += 3;
            }
            list.add(new Article(title, paragraphs));
        }
        return list;
    }

    /** The packaged service in a process of its own, on its own H2 database under {@code dir}. */
    static final class Service {

        final Process process;
        final int port;
        final Path log;
        final double ready;
        double warmedUp = Double.NaN;
        double compiled = Double.NaN;
        /** The warm-up's own words on how its second phase ended. */
        String compiledHow = "";
        /** CPU seconds the service (and its children) used from its start to ready: what the load does not change. */
        double readyCpu;
        final long startedAt;

        final String jdbcUrl;

        private Service(Process process, int port, Path log, long startedAt, double ready, String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
            this.process = process;
            this.port = port;
            this.log = log;
            this.startedAt = startedAt;
            this.ready = ready;
        }

        static Service start(Path dir, List<String> extra) throws Exception {
            Files.createDirectories(dir);
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = dir.resolve("service-" + System.nanoTime() + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx1g"));
            // started as ./relais run starts it (bench/latency passes ./relais start-image: the start-up archive)
            command.addAll(List.of(System.getProperty("relais.start", "-jar target/relais.jar").trim().split("\\s+")));
            command.addAll(List.of(
                    "--server.port=" + port,
                    "--spring.datasource.url=" + jdbcUrl(dir),
                    "--spring.datasource.username=sa", "--spring.datasource.password=" + DB_PASSWORD,
                    "--relais.publish.feeds-dir=" + dir.resolve("feeds"), "--relais.ingest.inbox-dir=" + dir.resolve("inbox"),
                    "--relais.ingest.sources=", "--relais.batch.schedule=-",
                    // every machine translation without a blocking issue is published (the shipped policy waits for editors)
                    "--relais.publish.policy=machine",
                    "--relais.security.admin.username=admin", "--relais.security.admin.password=" + PASSWORD));
            command.addAll(extra);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().remove("RELAIS_DB_URL");
            builder.environment().remove("RELAIS_PUBLISH_POLICY");
            long t0 = System.nanoTime();
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            while (!read(log).contains("Started RelaisApplication")) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(ExitedProcess.message("the service", process, log));
                }
                Thread.sleep(20);
            }
            Service service = new Service(process, port, log, t0, (System.nanoTime() - t0) / 1e9, jdbcUrl(dir));
            service.readyCpu = service.cpuSeconds();
            return service;
        }

        /** The service's H2 file, which the bench reads too (the service serves it to other processes). */
        /** A password of the bench's own: without one, Relais generates one for an H2 file (EmbeddedDatabaseSettings). */
        static final String DB_PASSWORD = "bench-latency";

        static String jdbcUrl(Path dir) {
            return "jdbc:h2:file:" + dir.resolve("db/relais")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
        }

        /** Waits for the service's warm-up: its rules loaded, then its code compiled (or the phase ended by a backlog). */
        void awaitWarmUp() throws Exception {
            while (!read(log).contains("Express lane warmed up")) {
                Thread.sleep(100);
            }
            if (Double.isNaN(warmedUp)) {
                warmedUp = (System.nanoTime() - startedAt) / 1e9;
            }
            String text;
            while (!(text = read(log)).contains("Express lane's code compiled") && !text.contains("Express lane's warm-up ended")) {
                Thread.sleep(100);
            }
            if (Double.isNaN(compiled)) {
                compiled = (System.nanoTime() - startedAt) / 1e9;
                text.lines().filter(l -> l.contains("Express lane's code compiled") || l.contains("warm-up ended"))
                        .findFirst().ifPresent(l -> compiledHow = l.substring(l.indexOf("Express lane's")));
            }
        }

        long push(Article article, String id) throws Exception {
            String json = JSON.writeValueAsString(Map.of("externalId", "bench-" + id, "title", article.title(),
                    "body", article.html(), "url", "https://exemple.fr/bench/" + id));
            HttpResponse<String> response = HTTP.send(request("/api/articles")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST /api/articles answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body()).get("id").asLong();
        }

        /** Pushes an article and waits until every language's RSS has it. */
        Arrival arrive(Article article, String id) throws Exception {
            long wall0 = System.currentTimeMillis();
            long t0 = System.nanoTime();
            long articleId = push(article, id);
            double accepted = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> seen = new LinkedHashMap<>();
            List<String> held = new ArrayList<>();
            int round = 0;
            while (seen.size() + held.size() < LANGUAGES.size()) {
                round++;
                for (String lang : LANGUAGES) {
                    if (!seen.containsKey(lang) && !held.contains(lang) && rssHas(lang, articleId)) {
                        seen.put(lang, (System.nanoTime() - t0) / 1e9);
                    }
                }
                // every tenth round only (~0.2 s): each look opens a connection to the service's database, which
                // costs the service CPU that the figures would count as its own
                if (seen.size() + held.size() < LANGUAGES.size() && round % 10 == 0) {
                    // a translation with a blocking issue is not published under the machine policy: it waits for an editor
                    for (String lang : heldForReview(articleId)) {
                        if (!seen.containsKey(lang) && !held.contains(lang)) {
                            held.add(lang);
                        }
                    }
                }
                if (System.nanoTime() - t0 > 300e9) {
                    throw new IllegalStateException("article " + articleId + " not in every feed after 300 s: " + seen);
                }
                Thread.sleep(20);
            }
            return new Arrival(accepted, storedAt(articleId, wall0), seen, held);
        }

        /**
         * Words translated (French words, once per language) from {@code since} (wall clock) to the last backlog
         * translation: {all, backlog only, seconds}.
         */
        double[] wordsStoredSince(long since, Map<String, Integer> words) {
            Map<String, List<Long>> stored = new LinkedHashMap<>();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "sa", DB_PASSWORD);
                 var rs = c.createStatement().executeQuery("select a.external_id, t.machine_at from translation t "
                         + "join article a on a.id = t.article_id where t.machine_at is not null")) {
                while (rs.next()) {
                    stored.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getObject(2, java.time.OffsetDateTime.class).toInstant().toEpochMilli());
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            long last = stored.entrySet().stream().filter(e -> e.getKey().startsWith("bench-backlog-"))
                    .flatMap(e -> e.getValue().stream()).mapToLong(Long::longValue).max().orElse(since);
            double all = 0;
            double backlog = 0;
            for (var e : stored.entrySet()) {
                Integer w = words.get(e.getKey());
                for (long at : e.getValue()) {
                    if (w != null && at >= since && at <= last) {
                        all += w;
                        backlog += e.getKey().startsWith("bench-backlog-") ? w : 0;
                    }
                }
            }
            return new double[] {all, backlog, (last - since) / 1000.0};
        }

        /** The languages of the article stored with a blocking issue (held for an editor under the machine policy). */
        List<String> heldForReview(long articleId) {
            List<String> held = new ArrayList<>();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "sa", DB_PASSWORD);
                 var rs = c.createStatement().executeQuery("select distinct t.lang from translation t join quality_issue q "
                         + "on q.translation_id = t.id where q.severity = '" + io.relais.translation.StoredIssue.BLOCKING_SEVERITY
                         + "' and t.article_id = " + articleId)) {
                while (rs.next()) {
                    held.add(rs.getString(1));
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return held;
        }

        /** Seconds from {@code wall0} to each language's translation of the article being stored (read from the database). */
        Map<String, Double> storedAt(long articleId, long wall0) {
            Map<String, Double> at = new LinkedHashMap<>();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "sa", DB_PASSWORD);
                 var rs = c.createStatement().executeQuery(
                         "select lang, machine_at from translation where article_id = " + articleId)) {
                while (rs.next()) {
                    at.put(rs.getString(1), (rs.getObject(2, java.time.OffsetDateTime.class).toInstant().toEpochMilli()
                            - wall0) / 1000.0);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return at;
        }

        boolean rssHas(String lang, long articleId) throws Exception {
            HttpResponse<String> rss = HTTP.send(request("/feeds/" + lang + "/rss.xml").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return rss.statusCode() == 200 && rss.body().contains("urn:relais:" + lang + ":article:" + articleId + "<");
        }

        JsonNode latestBacklogRun() throws Exception {
            HttpResponse<String> runs = HTTP.send(request("/api/jobs?limit=1")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode list = JSON.readTree(runs.body()).get("runs");
            return list == null || list.isEmpty() ? null : list.get(0);
        }

        JsonNode awaitBacklogRun() throws Exception {
            return awaitBacklogRun(Duration.ofDays(1));
        }

        /** The backlog run going on, once there is one; null when none was seen going within {@code patience}. */
        JsonNode awaitBacklogRun(Duration patience) throws Exception {
            long until = System.nanoTime() + patience.toNanos();
            JsonNode run;
            while ((run = latestBacklogRun()) == null || !"STARTED".equals(run.get("status").asString())) {
                if (System.nanoTime() - until > 0) {
                    return null;
                }
                Thread.sleep(100);
            }
            return run;
        }

        boolean backlogRunning() throws Exception {
            JsonNode run = latestBacklogRun();
            return run != null && "STARTED".equals(run.get("status").asString());
        }

        JsonNode awaitBacklogEnd(long id) throws Exception {
            JsonNode run;
            while ((run = latestBacklogRun()) == null || run.get("id").asLong() != id
                    || run.get("endTime") == null || run.get("endTime").isNull()) {
                Thread.sleep(500);
            }
            return run;
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
        }

        /** CPU seconds of the service and its children (the Apertium pipelines) so far. */
        double cpuSeconds() {
            return ProcessTreeCpu.seconds(process.toHandle());
        }

        /** A counter's value from /actuator/metrics (0 when the service does not have it). */
        double metric(String name) throws Exception {
            return metric(name, "COUNT");
        }

        /** One statistic of a meter from /actuator/metrics, summed over its tags (0 when the service has none). */
        double metric(String name, String statistic) throws Exception {
            HttpResponse<String> answer = HTTP.send(request("/actuator/metrics/" + name)
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode measurements = answer.statusCode() == 200 ? JSON.readTree(answer.body()).get("measurements") : null;
            if (measurements != null) {
                for (JsonNode m : measurements) {
                    if (statistic.equals(m.get("statistic").asString())) {
                        return m.get("value").asDouble();
                    }
                }
            }
            return 0;
        }

        /** Seconds the JVM spent so far in garbage collection (pauses and concurrent phases) and in JIT compilation. */
        double[] jvmOverhead() throws Exception {
            return new double[] {metric("jvm.gc.pause", "TOTAL_TIME") + metric("jvm.gc.concurrent.phase.time", "TOTAL_TIME"),
                    metric("jvm.compilation.time", "COUNT") / 1000.0};
        }

        long peakRssMb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            return -1;
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }

        static String read(Path log) {
            try {
                return Files.exists(log) ? Files.readString(log) : "";
            } catch (IOException e) {
                return "";
            }
        }
    }

    /** The raw tools on the same cores: the apertium command per route and a plain LanguageTool loop per language. */
    static final class Floor implements AutoCloseable {

        final ExecutorService pool = Executors.newFixedThreadPool(LANGUAGES.size());
        final Map<String, JLanguageTool> tools = new java.util.concurrent.ConcurrentHashMap<>();

        /** Creates the LanguageTool instances and checks the warm-up articles' translations (not timed). */
        void warmUp(List<Article> articles) throws Exception {
            for (Article a : articles) {
                Map<String, List<String>> translated = translate(a.lines());
                check(translated);
            }
        }

        /** One article through the apertium command (every route at once), then LanguageTool (every language at once). */
        double time(Article article) throws Exception {
            long t0 = System.nanoTime();
            check(translate(article.lines()));
            return (System.nanoTime() - t0) / 1e9;
        }

        /** The backlog through the raw tools (the same split: routes at once, then languages at once). */
        double rawTools(List<Article> articles) throws Exception {
            List<String> lines = new ArrayList<>();
            articles.forEach(a -> lines.addAll(a.lines()));
            long t0 = System.nanoTime();
            check(translate(lines));
            return (System.nanoTime() - t0) / 1e9;
        }

        Map<String, List<String>> translate(List<String> lines) throws Exception {
            Map<String, Future<List<String>>> pending = new LinkedHashMap<>();
            PipelineBench.ROUTES.forEach((lang, route) -> pending.put(lang,
                    pool.submit(() -> TranslationBench.apertiumCommand(lines, List.of(route.split(">"))))));
            Map<String, List<String>> translated = new LinkedHashMap<>();
            for (var e : pending.entrySet()) {
                translated.put(e.getKey(), e.getValue().get());
            }
            return translated;
        }

        void check(Map<String, List<String>> translated) throws Exception {
            List<Future<?>> work = new ArrayList<>();
            translated.forEach((lang, lines) -> work.add(pool.submit(() -> {
                JLanguageTool tool = PipelineBench.tool(tools, lang);
                for (String line : lines) {
                    tool.check(line);
                }
                return null;
            })));
            for (Future<?> f : work) {
                f.get();
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }
}
