package io.relais.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.relais.RelaisApplication;
import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.batch.LocalizeRuns;
import io.relais.batch.internal.LocalizeStageTimes;
import io.relais.batch.internal.LocalizeStageTimes.Stage;
import io.relais.ingest.ArticleIngestor;
import io.relais.ingest.IncomingArticle;
import io.relais.engine.TranslateStepTimes;
import io.relais.engine.Words;

/**
 * The whole localize job against the tools it drives, in one run on the same FLORES paragraphs as articles:
 * (a) the raw tools — the {@code apertium} command per default route over the whole text, then a plain
 * {@link JLanguageTool} loop per target language over the same target paragraphs, one instance per thread, as many
 * threads as the job uses; (b) Relais's localize job end to end (read, translation memory, engine, LanguageTool,
 * verdict, storage, feeds). Prints words/s of both, their ratio, each stage's share of the job's thread time, the
 * time from start to ready and from an article's arrival to its appearance in the feeds. Run with
 * {@code bench/pipeline [articles]}.
 */
public final class PipelineBench {

    static final Map<String, String> ROUTES = new LinkedHashMap<>();
    static {
        ROUTES.put("es", "fr>es");
        ROUTES.put("ca", "fr>ca");
        ROUTES.put("en", "fr>es>en");
        ROUTES.put("it", "fr>ca>it");
        ROUTES.put("pt", "fr>ca>pt");
    }
    static final int SENTENCES_PER_PARAGRAPH = 3;
    /** CPU time of the raw loops (their threads' own clocks), and the texts they read. */
    static final java.util.concurrent.atomic.AtomicLong RAW_CHECK_CPU_NANOS = new java.util.concurrent.atomic.AtomicLong();
    static final java.util.concurrent.atomic.AtomicLong RAW_CHECK_TEXTS = new java.util.concurrent.atomic.AtomicLong();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    static final int PARAGRAPHS_PER_ARTICLE = 3;
    /** CPU seconds of the process tree when the raw loops started (after their instances were created). */
    static final double[] RAW_CHECK_CPU_START = new double[1];

    record BenchArticle(String title, List<String> paragraphs) {
        String html() {
            return String.join("", paragraphs.stream().map(p -> "<p>" + escape(p) + "</p>").toList());
        }

        int words() {
            return Words.count(title) + paragraphs.stream().mapToInt(Words::count).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        Path flores = Path.of(args.length > 0 ? args[0] : "../shared/eval/flores200");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        List<String> sentences = TranslationBench.read(flores.resolve("devtest.fra"), 1012);
        List<BenchArticle> bench = articles(sentences, 0, count);
        List<BenchArticle> warmUp = articles(sentences, sentences.size() - 30, 3);
        int words = bench.stream().mapToInt(BenchArticle::words).sum();
        int languages = ROUTES.size();
        System.out.printf(Locale.ROOT, "%d articles from FLORES-200 devtest (%d French words, %d paragraphs of %d "
                        + "sentences + a title each%s), into %s%n", count, words, PARAGRAPHS_PER_ARTICLE,
                SENTENCES_PER_PARAGRAPH, count * (1 + SENTENCES_PER_PARAGRAPH * PARAGRAPHS_PER_ARTICLE) > sentences.size()
                        ? "; the devtest has 1,012 sentences, so text repeats and the memory and cache hit" : "",
                String.join(", ", ROUTES.keySet()));
        System.out.printf(Locale.ROOT, "%d cores, load average %.1f at the start%n%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Path work = Path.of("target/bench-pipeline");
        deleteTree(work);
        long startNanos = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RelaisApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--spring.datasource.url=jdbc:h2:file:./" + work + "/db/relais;MODE=PostgreSQL;"
                                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "--relais.ingest.sources=", "--relais.batch.schedule=-",
                        "--relais.ingest.inbox-dir=" + work + "/inbox", "--relais.publish.feeds-dir=" + work + "/feeds",
                        // every translation without a blocking issue is published, so that the job's publication
                        // and the arrival-to-feed time are measured (the shipped policy publishes only reviewed ones)
                        "--relais.quality.auto-approve-threshold=0", "--relais.publish.policy=machine",
                        // the bench warms the service up with a run of its own; the lane's background warm-up would
                        // run beside the raw tools' timing
                        "--relais.batch.express.warm-up=false",
                        "--logging.level.root=WARN")) {
            double ready = (System.nanoTime() - startNanos) / 1e9;
            int threads = io.relais.batch.internal.LocalizeJobConfiguration.threads(
                    context.getEnvironment().getProperty("relais.batch.threads", Integer.class, 0), ROUTES.size());
            Articles articles = context.getBean(Articles.class);
            Sources sources = context.getBean(Sources.class);
            LocalizeRuns runs = context.getBean(LocalizeRuns.class);
            LocalizeStageTimes times = context.getBean(LocalizeStageTimes.class);
            Source source = sources.create("bench:pipeline", "pipeline bench", 3600, false).orElseThrow();

            // warm-up: engines started, LanguageTool loaded, as in a service that has been running
            store(articles, source, warmUp, "warm-");
            runs.runNow();

            // (a) the raw tools on the same text
            List<String> lines = new ArrayList<>();
            for (BenchArticle a : bench) {
                lines.add(a.title());
                lines.addAll(a.paragraphs());
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            double cpuRaw0 = ProcessTreeCpu.seconds();
            long a0 = System.nanoTime();
            Map<String, Future<List<String>>> pending = new LinkedHashMap<>();
            ROUTES.forEach((lang, route) -> pending.put(lang,
                    pool.submit(() -> TranslationBench.apertiumCommand(lines, List.of(route.split(">"))))));
            Map<String, List<String>> translated = new LinkedHashMap<>();
            for (var e : pending.entrySet()) {
                translated.put(e.getKey(), e.getValue().get());
            }
            double apertium = (System.nanoTime() - a0) / 1e9;
            double cpuApertium = ProcessTreeCpu.seconds() - cpuRaw0;
            // the loops warm up on the job's warm-up articles, as the job did (not timed)
            List<String> warmLines = new ArrayList<>();
            for (BenchArticle a : warmUp) {
                warmLines.add(a.title());
                warmLines.addAll(a.paragraphs());
            }
            Map<String, List<String>> warmTranslated = new LinkedHashMap<>();
            for (var e : ROUTES.entrySet()) {
                warmTranslated.put(e.getKey(), TranslationBench.apertiumCommand(warmLines, List.of(e.getValue().split(">"))));
            }
            double languageTool = rawLanguageTool(translated, warmTranslated, threads, pool);
            pool.shutdown();
            // creating the JLanguageTool instances is not timed, nor counted
            double cpuRaw = cpuApertium + ProcessTreeCpu.seconds() - RAW_CHECK_CPU_START[0];
            double raw = apertium + languageTool;
            long rawWords = (long) words * languages;

            // (b) the localize job end to end
            store(articles, source, bench, "bench-");
            Map<Stage, Duration> before = snapshot(times);
            TranslateStepTimes steps = context.getBean(TranslateStepTimes.class);
            Duration scoring0 = steps.total(TranslateStepTimes.Step.SCORING);
            Duration finishing0 = steps.total(TranslateStepTimes.Step.FINISHING);
            io.micrometer.core.instrument.MeterRegistry meters =
                    context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            double roundTrip0 = roundTripSeconds(meters);
            io.relais.quality.LanguageQualityChecker checked = context.getBean(io.relais.quality.LanguageQualityChecker.class);
            Duration ltCpu0 = checked.languageToolCpu();
            long ltRead0 = checked.cacheMisses();
            long ltHits0 = checked.cacheHits();
            double cpuJob0 = ProcessTreeCpu.seconds();
            long b0 = System.nanoTime();
            JobExecution run = runs.runNow();
            double job = (System.nanoTime() - b0) / 1e9;
            double cpuJob = ProcessTreeCpu.seconds() - cpuJob0;
            double scoring = (steps.total(TranslateStepTimes.Step.SCORING).minus(scoring0)).toNanos() / 1e9;
            double finishing = (steps.total(TranslateStepTimes.Step.FINISHING).minus(finishing0)).toNanos() / 1e9;
            double roundTrip = roundTripSeconds(meters) - roundTrip0;
            double ltCpu = checked.languageToolCpu().minus(ltCpu0).toNanos() / 1e9;
            long ltRead = checked.cacheMisses() - ltRead0;
            long ltHits = checked.cacheHits() - ltHits0;
            Map<Stage, Duration> spent = new LinkedHashMap<>();
            snapshot(times).forEach((stage, total) -> spent.put(stage, total.minus(before.get(stage))));

            // (b') every article revised (new title, same body): the memory and the LanguageTool cache on repeated text
            long hits0 = checked.cacheHits();
            long misses0 = checked.cacheMisses();
            List<BenchArticle> revised = bench.stream()
                    .map(a -> new BenchArticle("Mise à jour : " + a.title(), a.paragraphs())).toList();
            store(articles, source, revised, "bench-");
            long r0 = System.nanoTime();
            runs.runNow();
            double again = (System.nanoTime() - r0) / 1e9;
            long hits = checked.cacheHits() - hits0;
            long lookups = hits + checked.cacheMisses() - misses0;

            // (c) one article arriving at the door of an idle service, until it is in every language's feed
            long arrival = System.nanoTime();
            long id = context.getBean(ArticleIngestor.class).ingest(new IncomingArticle(source.id(), "bench",
                    "latency-1", "https://exemple.fr/latence", "Le tramway de Lyon roulera toute la nuit samedi",
                    null, "<p>Le tramway de Lyon roulera toute la nuit samedi pendant la fête des lumières.</p>",
                    null, null, null, null)).articleId();
            Map<String, Double> toFeed = new LinkedHashMap<>();
            Map<String, String> held = new LinkedHashMap<>();
            io.relais.translation.Translations translations = context.getBean(io.relais.translation.Translations.class);
            while (toFeed.size() + held.size() < languages && System.nanoTime() - arrival < 300e9) {
                for (String lang : ROUTES.keySet()) {
                    if (toFeed.containsKey(lang) || held.containsKey(lang)) {
                        continue;
                    }
                    var stored = translations.find(id, 1, lang);
                    Path file = work.resolve("feeds").resolve(lang).resolve("feed.json");
                    if (Files.exists(file) && Files.readString(file).contains(":article:" + id + "\"")) {
                        toFeed.put(lang, (System.nanoTime() - arrival) / 1e9);
                    } else if (stored.isPresent() && (!stored.get().state().publishable() || translations
                            .issues(stored.get().id()).stream().anyMatch(io.relais.translation.StoredIssue::blocking))) {
                        held.put(lang, stored.get().state().name());   // not for partners until an editor approves
                    }
                }
                Thread.sleep(20);
            }

            System.out.printf(Locale.ROOT, "(a) raw tools, %d threads: apertium command %.1f s (%.0f w/s), "
                            + "JLanguageTool loop %.1f s (%.0f w/s), together %.1f s: %.0f words/s%n", threads, apertium,
                    rawWords / apertium, languageTool, rawWords / languageTool, raw, rawWords / raw);
            System.out.printf(Locale.ROOT, "(b) localize job, %d threads, %s: %.1f s: %.0f words/s%n", threads,
                    run.getStatus(), job, rawWords / job);
            System.out.printf(Locale.ROOT, "ratio job / raw tools: %.2f%n", raw / job);
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "CPU used (this process and its children): raw tools %.1f s (cores busy %.0f %%), "
                            + "job %.1f s (cores busy %.0f %%); the job's CPU per word is %.2f of the raw tools'%n",
                    cpuRaw, 100 * cpuRaw / (raw * cores), cpuJob, 100 * cpuJob / (job * cores), cpuJob / cpuRaw);
            System.out.printf(Locale.ROOT, "(b') the same articles revised (new title, same body): %.1f s: %.0f words/s "
                    + "(%.2f of the raw tools); LanguageTool cache: %d of %d texts%n", again, rawWords / again,
                    raw / again, hits, lookups);
            double rawLtCpu = RAW_CHECK_CPU_NANOS.get() / 1e9;
            System.out.printf(Locale.ROOT, "LanguageTool in the job, wherever it runs (finishing, checks, route scoring): "
                            + "%.1f CPU s, %d texts read (%d lookups answered by its cache); raw loop on the same "
                            + "articles: %.1f CPU s, %d texts; the job's LanguageTool at %.2f of the raw loop's rate%n%n",
                    ltCpu, ltRead, ltHits, rawLtCpu, RAW_CHECK_TEXTS.get(), rawLtCpu / Math.max(ltCpu, 1e-9));
            double threadTime = job * Math.min(threads, languages);
            double accounted = 0;
            System.out.println("share of the job's thread time (" + Math.min(threads, languages) + " threads x "
                    + String.format(Locale.ROOT, "%.1f s", job) + "):");
            for (Stage stage : Stage.values()) {
                double s = spent.get(stage).toNanos() / 1e9;
                accounted += s;
                System.out.printf(Locale.ROOT, "  %-10s %7.1f s %5.1f %%%n", stage.name().toLowerCase(Locale.ROOT), s,
                        100 * s / threadTime);
                if (stage == Stage.TRANSLATE) {
                    // the quality issue's work inside translation, on its own lines
                    System.out.printf(Locale.ROOT, "    %-22s %7.1f s %5.1f %%%n", "of which route scoring", scoring,
                            100 * scoring / threadTime);
                    System.out.printf(Locale.ROOT, "    %-22s %7.1f s %5.1f %%%n", "of which finishing", finishing,
                            100 * finishing / threadTime);
                }
            }
            double waiting = Math.max(0, threadTime - accounted);
            System.out.printf(Locale.ROOT, "  %-10s %7.1f s %5.1f %%   (idle thread slots, the batch framework)%n",
                    "waiting", waiting, 100 * waiting / threadTime);
            System.out.printf(Locale.ROOT, "  the round trip (back-translations, in check and route scoring): %.1f s %.1f %%%n%n",
                    roundTrip, 100 * roundTrip / threadTime);
            System.out.printf(Locale.ROOT, "start to ready: %.1f s%n", ready);
            System.out.printf(Locale.ROOT, "arrival to feed (one article at the door of an idle service, through the "
                            + "express lane; bench/latency measures it on 600-word articles; debounce of the backlog %s): "
                            + "first feed %.1f s, last %.1f s (%d of %d languages published it%s)%n",
                    context.getEnvironment().getProperty("relais.batch.debounce"),
                    toFeed.values().stream().min(Double::compare).orElse(Double.NaN),
                    toFeed.values().stream().max(Double::compare).orElse(Double.NaN), toFeed.size(), languages,
                    held.isEmpty() ? "" : "; held for review: " + held);
        }
        System.exit(0);   // LanguageTool's and Camel's non-daemon threads
    }

    /**
     * A plain loop per target language over its translated paragraphs, each loop on a thread of the pool (as many
     * threads as the job uses), with its own JLanguageTool created and warmed up on {@code warmUp} before timing.
     */
    static double rawLanguageTool(Map<String, List<String>> translated, Map<String, List<String>> warmUp, int threads,
                                  ExecutorService pool) throws Exception {
        Map<String, JLanguageTool> tools = new java.util.concurrent.ConcurrentHashMap<>();
        List<Future<?>> created = new ArrayList<>();
        for (String lang : translated.keySet()) {
            created.add(pool.submit(() -> {
                JLanguageTool tool = tool(new LinkedHashMap<>(), lang);
                for (String line : warmUp.getOrDefault(lang, List.of())) {
                    tool.check(line);
                }
                return tools.put(lang, tool);
            }));
        }
        for (Future<?> f : created) {
            f.get();
        }
        List<Future<?>> work = new ArrayList<>();
        RAW_CHECK_CPU_START[0] = ProcessTreeCpu.seconds();
        long t0 = System.nanoTime();
        translated.forEach((lang, lines) -> work.add(pool.submit(() -> {
            long cpu = THREADS.getCurrentThreadCpuTime();
            JLanguageTool tool = tools.get(lang);
            for (String line : lines) {
                tool.check(line);
            }
            RAW_CHECK_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
            RAW_CHECK_TEXTS.addAndGet(lines.size());
            return null;
        })));
        for (Future<?> f : work) {
            f.get();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static JLanguageTool tool(Map<String, JLanguageTool> tools, String lang) {
        return tools.computeIfAbsent(lang, l -> {
            // the variant the job checks in (Apertium's English is British): en-US would flag every "centre"
            Language language = Languages.getLanguageForShortCode(
                    io.relais.quality.LanguageQualityChecker.ENGINE_VARIANTS.getOrDefault(l, l));
            JLanguageTool tool = new JLanguageTool(language);
            try {
                tool.check("Warm up.");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return tool;
        });
    }

    static List<BenchArticle> articles(List<String> sentences, int offset, int count) {
        List<BenchArticle> list = new ArrayList<>();
        int next = offset;
        for (int i = 0; i < count; i++) {
            String title = sentences.get(next++ % sentences.size());
            List<String> paragraphs = new ArrayList<>();
            for (int p = 0; p < PARAGRAPHS_PER_ARTICLE; p++) {
                List<String> group = new ArrayList<>();
                for (int s = 0; s < SENTENCES_PER_PARAGRAPH; s++) {
                    group.add(sentences.get(next++ % sentences.size()));
                }
                paragraphs.add(String.join(" ", group));
            }
            list.add(new BenchArticle(title, paragraphs));
        }
        return list;
    }

    static void store(Articles articles, Source source, List<BenchArticle> list, String prefix) {
        int i = 0;
        for (BenchArticle a : list) {
            articles.store(new NewArticle(source.id(), prefix + i++, null, a.title(), null, a.html(), null, null, null,
                    null));
        }
    }

    /** The round trip's time so far (it runs in the check stage, and in the route scoring of the translate stage). */
    static double roundTripSeconds(io.micrometer.core.instrument.MeterRegistry meters) {
        io.micrometer.core.instrument.Timer timer = meters.find(io.relais.quality.internal.RoundTrip.METRIC).timer();
        return timer == null ? 0 : timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9;
    }

    static Map<Stage, Duration> snapshot(LocalizeStageTimes times) {
        Map<Stage, Duration> map = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            map.put(stage, times.total(stage));
        }
        return map;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
