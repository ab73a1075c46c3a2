package io.relais.batch.internal;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.relais.article.Article;
import io.relais.batch.BatchSettings;
import io.relais.batch.RemotePartitions;
import io.relais.engine.MachineTranslator;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedText;
import io.relais.engine.Translator;
import io.relais.quality.FieldText;
import io.relais.quality.TranslationQuality;
import io.relais.translation.TargetLanguages;

/**
 * Once the service is ready, in the background: two sentences translated along every route of every language and
 * checked at once, so that Apertium's pipelines are running and LanguageTool's rules loaded (as many checkers per
 * language as the express lane uses) before the first article arrives
 * (on two cores that is some seconds per language, which the first breaking article would otherwise wait for).
 * <p>
 * Then short texts (two sentences of a bundled French news text, a different pair each time so that no cache
 * answers), translated and checked one at a time, every language in turn, until the JIT has compiled what they run:
 * a fresh JVM interprets LanguageTool's code, and its JIT compiled for about half a core through the first dozen
 * articles of an idle service (bench/latency, docs/measurements.md). It ends when the JIT has been quiet for
 * {@value #QUIET_TEXTS} texts (compiled under {@value #QUIET_MS} ms while they ran: what is left is compiled for the
 * articles' other paths, not these), after {@code warm-up-texts} texts per language at most, or as soon as a backlog
 * runs (the backlog compiles the same code). Before each text it waits while an article is being translated.
 * <p>
 * Nothing is stored: not the translation memory, not a translation. {@code relais.batch.express.warm-up: false} to skip.
 */
@Component
class ExpressWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ExpressWarmUp.class);
    /** Two sentences, checked at once per language: the express lane checks two segments of a language at once. */
    static final List<String> SENTENCES = List.of(
            "Le maire de Lyon a présenté mardi le nouveau plan de transport de la ville.",
            "Les habitants pourront donner leur avis sur le projet jusqu'à la fin du mois de janvier.");

    /** The JIT is quiet when it compiled under {@value #QUIET_MS} ms during the last {@value #QUIET_TEXTS} texts. */
    static final int QUIET_TEXTS = 20;
    static final long QUIET_MS = 100;

    /** A backlog chunk began this recently: a backlog is running. */
    private static final Duration BACKLOG_WINDOW = Duration.ofSeconds(30);

    private final Translator translator;
    private final TranslationQuality quality;
    private final List<String> languages;
    private final boolean enabled;

    private final ExpressThreads threads;
    private final LaneGate gate;
    private final int texts;

    ExpressWarmUp(Translator translator, TranslationQuality quality, TargetLanguages languages, BatchSettings settings,
                  ExpressThreads threads, LaneGate gate, ObjectProvider<RemotePartitions> remote) {
        this.threads = threads;
        this.gate = gate;
        this.texts = settings.express().warmUpTexts();
        // on one machine when its lane is on; in a cluster on the nodes that translate (workers), whatever their lane
        RemotePartitions elsewhere = remote.getIfAvailable();
        boolean translatesHere = elsewhere == null
                ? settings.express().enabled() && settings.runAfterIngest() : elsewhere.translatesHere();
        this.translator = translator;
        this.quality = quality;
        this.languages = languages.languages();
        this.enabled = settings.express().warmUp() && translatesHere;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (enabled) {
            Thread thread = new Thread(this::warmUp, "express-warm-up");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    void warmUp() {
        long started = System.nanoTime();
        for (String lang : languages) {
            MachineTranslator engine = translator.engineFor(lang);
            if (engine == null) {
                continue;
            }
            // as many at once as the express lane translates of one language, so that as many checkers are loaded
            List<CompletableFuture<Void>> together = SENTENCES.stream().limit(ExpressThreads.PER_LANGUAGE)
                    .map(sentence -> CompletableFuture.runAsync(() -> warmUp(engine, lang, sentence, true), threads.forOneLanguage()))
                    .toList();
            together.forEach(CompletableFuture::join);
        }
        log.info("Express lane warmed up: {} language(s) in {} ms", languages.size(), (System.nanoTime() - started) / 1_000_000);
        try {
            compile();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The short texts of the second phase, every language in turn; ends early when a backlog runs. */
    private void compile() throws InterruptedException {
        List<String> sentences = WarmUpText.sentences();
        if (texts == 0 || sentences.size() < 2) {
            return;
        }
        long started = System.nanoTime();
        JitQuiet quiet = new JitQuiet(ManagementFactory.getCompilationMXBean(), Math.min(texts, sentences.size()));
        int done = 0;
        for (int k = 0; k < texts; k++) {
            // sentence i with another each round: round r pairs it with the sentence r + 1 further on
            int i = k % sentences.size();
            int r = k / sentences.size() % (sentences.size() - 1);
            String text = sentences.get(i) + " " + sentences.get((i + r + 1) % sentences.size());
            for (String lang : languages) {
                MachineTranslator engine = translator.engineFor(lang);
                if (engine == null) {
                    continue;
                }
                gate.awaitNoExpress();
                if (gate.backlogRanWithin(BACKLOG_WINDOW)) {
                    log.info("Express lane's warm-up ended by a backlog run after {} text(s) per language in {} ms", done,
                            (System.nanoTime() - started) / 1_000_000);
                    return;
                }
                warmUp(engine, lang, text, false);
            }
            done++;
            if (quiet.after(done)) {
                log.info("Express lane's code compiled: {} text(s) per language in {} ms, then the JIT was quiet", done,
                        (System.nanoTime() - started) / 1_000_000);
                return;
            }
        }
        log.info("Express lane's code compiled: {} text(s) per language in {} ms (warm-up-texts)", done,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Whether the JIT has gone quiet: it compiled under {@value #QUIET_MS} ms (its own measure) during the last
     * {@value #QUIET_TEXTS} texts, once at least {@code least} were done. Never, where the JVM does not measure it.
     */
    static final class JitQuiet {

        private final CompilationMXBean jit;
        private final int least;
        private final ArrayDeque<Long> recent = new ArrayDeque<>();
        private long before;

        JitQuiet(CompilationMXBean jit, int least) {
            this.jit = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit : null;
            this.least = least;
            this.before = this.jit == null ? 0 : this.jit.getTotalCompilationTime();
        }

        boolean after(int done) {
            if (jit == null) {
                return false;
            }
            long now = jit.getTotalCompilationTime();
            recent.addLast(now - before);
            before = now;
            if (recent.size() > QUIET_TEXTS) {
                recent.removeFirst();
            }
            return done >= least && recent.size() == QUIET_TEXTS
                    && recent.stream().mapToLong(Long::longValue).sum() < QUIET_MS;
        }
    }

    /** A sentence translated (along every route, or the first) and checked; nothing stored. */
    private void warmUp(MachineTranslator engine, String lang, String sentence, boolean everyRoute) {
        try {
            TranslatedText text = null;
            for (String route : engine.candidateRoutes(Article.SOURCE_LANGUAGE, lang)) {
                text = engine.translate(sentence, TextFormat.PLAIN, Article.SOURCE_LANGUAGE, lang, route);
                if (!everyRoute) {
                    break;
                }
            }
            if (text != null) {
                quality.assess(lang, List.of(new FieldText("title", sentence, TextFormat.PLAIN, text)));
            }
        } catch (RuntimeException e) {
            // the first real article will meet the same trouble and record it; nothing to do here
            log.warn("Warming up {} failed: {}", lang, e.toString());
        }
    }
}
