package io.relais.console.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.relais.translation.Translations;
import io.relais.translation.TranslationStatistics;
import io.relais.batch.LocalizeRuns;
import io.relais.batch.RunFailures;
import io.relais.batch.RunSummary;
import io.relais.batch.BatchSettings;
import io.relais.batch.ExpressLane;
import io.relais.translation.TargetLanguages;

/**
 * Localize runs in the console: start one, watch each language's progress (the page refreshes itself while a run
 * goes on), the counts per language, duration and words per second, why a run failed, and restart a failed run; and
 * the express lane's latest runs (each new or revised article translated at once), with what waits for it.
 */
@Controller
@RequestMapping("/console/runs")
class ConsoleRunsPages {

    /**
     * One language of a run as its bar shows it: {@code done} of {@code total} articles ({@code total}: what the step
     * read once it ended, or, while it runs, what it wrote plus what still waits); {@code idle} when there was
     * nothing to do (an empty grey bar, not a full green one).
     */
    record LanguageProgress(String lang, String status, long done, long total, boolean idle, int percent) {

        static LanguageProgress of(String lang, RunSummary.LanguageRun l, boolean running, long waiting) {
            boolean ended = !running || "COMPLETED".equals(l.status()) || "FAILED".equals(l.status())
                    || "STOPPED".equals(l.status());
            long done = l.written();
            long total = ended ? Math.max(l.read(), done) : done + waiting;
            boolean idle = total == 0;
            int percent = idle ? 0 : (int) Math.min(100, 100 * done / total);
            return new LanguageProgress(lang, l.status(), done, total, idle, percent);
        }
    }

    /** A run as the page shows it. */
    record RunView(RunSummary run, LocalDateTime started, LocalDateTime ended, Duration duration, long words,
                   double wordsPerSecond, List<String> failures, List<LanguageProgress> progress) {

        /** Nothing to do in any language: the run looks idle. */
        public boolean idle() {
            return progress.stream().allMatch(LanguageProgress::idle);
        }

        public String durationText() {
            if (duration == null) {
                return "—";
            }
            long s = duration.toSeconds();
            return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : duration.toMillis() / 1000.0 + " s";
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ConsoleRunsPages.class);

    /** Express runs listed: they are many and short (one per article or burst), so only the latest. */
    private static final int EXPRESS_RUNS = 10;

    private final LocalizeRuns runs;
    private final ExpressLane express;
    private final int maxAttempts;
    private final RunFailures failures;
    private final Translations translations;
    private final TranslationStatistics statistics;
    private final ConsoleActions actions;
    private final Charts charts;
    private final List<String> languages;

    ConsoleRunsPages(LocalizeRuns runs, ExpressLane express, RunFailures failures, Translations translations, TranslationStatistics statistics,
                     ConsoleActions actions, Charts charts,
                     TargetLanguages languages, BatchSettings localize) {
        this.languages = languages.languages();
        this.maxAttempts = localize.maxAttempts();
        this.runs = runs;
        this.express = express;
        this.failures = failures;
        this.translations = translations;
        this.statistics = statistics;
        this.actions = actions;
        this.charts = charts;
    }

    @GetMapping
    String list(Model model) {
        Map<String, Long> waiting = new LinkedHashMap<>();
        for (String lang : languages) {
            waiting.put(lang, translations.countNeedingTranslation(lang, maxAttempts));
        }
        List<RunView> views = runs.recent(20).stream().map(run -> view(run, waiting)).toList();
        // an express run's language steps read only the run's articles: its bars are done of what the step read
        List<RunView> expressViews = runs.recentExpress(EXPRESS_RUNS).stream().map(run -> view(run, Map.of())).toList();
        model.addAttribute("runs", views);
        model.addAttribute("expressRuns", expressViews);
        model.addAttribute("expressWaiting", express.waiting());
        model.addAttribute("running", views.stream().anyMatch(v -> v.run().running())
                || expressViews.stream().anyMatch(v -> v.run().running()));
        model.addAttribute("waiting", waiting);
        model.addAttribute("history", charts.runHistory(oldestFirst(views)));
        return "console/runs";
    }

    private static List<RunView> oldestFirst(List<RunView> newestFirst) {
        List<RunView> list = new ArrayList<>(newestFirst);
        Collections.reverse(list);
        return list;
    }

    @PostMapping
    String start(Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, "run.start", "localize", () -> {
            try {
                long id = runs.startSoon().get(5, TimeUnit.SECONDS);
                return Said.of("console.run.started.done", id);
            } catch (TimeoutException e) {
                return Said.of("console.run.queued");
            } catch (Exception e) {
                throw new ConsoleRefusal(null, Said.of("console.run.couldNotStart"), e.getMessage());
            }
        }, "/console/runs");
    }

    @PostMapping("/{id}/restart")
    String restart(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, "run.restart", "#" + id, () -> {
            RunSummary run = runs.recent(200).stream().filter(r -> r.id() == id).findFirst()
                    .orElseThrow(() -> new ConsoleRefusal(null, "console.notFound"));
            if (!"FAILED".equals(run.status()) && !"STOPPED".equals(run.status())) {
                throw new ConsoleRefusal(null, "console.run.notRestartable", id);
            }
            // a restart runs the job on the calling thread: let it go on in the background and show its progress
            CompletableFuture.runAsync(() -> runs.restart(id)).exceptionally(failure -> {
                log.error("Restart of run #{} asked by {} failed: {}", id, auth.getName(), failure.getMessage(), failure);
                return null;
            });
            return Said.of("console.run.restarting", id);
        }, "/console/runs");
    }

    private RunView view(RunSummary run, Map<String, Long> waiting) {
        LocalDateTime started = parse(run.startTime());
        LocalDateTime ended = parse(run.endTime());
        Duration duration = started == null ? null
                : Duration.between(started, ended != null ? ended : LocalDateTime.now());
        long words = 0;
        double perSecond = 0;
        if (started != null) {
            ZoneId zone = ZoneId.systemDefault();   // Spring Batch keeps local times
            OffsetDateTime from = started.atZone(zone).toOffsetDateTime();
            OffsetDateTime to = (ended != null ? ended : LocalDateTime.now()).atZone(zone).toOffsetDateTime();
            words = statistics.wordsWrittenBetween(from, to);
            perSecond = duration.toMillis() == 0 ? 0 : words * 1000.0 / duration.toMillis();
        }
        List<String> why = "FAILED".equals(run.status()) || "STOPPED".equals(run.status())
                || run.languages().values().stream().anyMatch(l -> "FAILED".equals(l.status()))
                ? failures.why(run.id()) : List.of();
        List<LanguageProgress> progress = run.languages().entrySet().stream()
                .map(e -> LanguageProgress.of(e.getKey(), e.getValue(), run.running(), waiting.getOrDefault(e.getKey(), 0L)))
                .toList();
        return new RunView(run, started, ended, duration, words, perSecond, why, progress);
    }

    private static LocalDateTime parse(String time) {
        return time == null ? null : LocalDateTime.parse(time);
    }
}
