package io.relais.batch.internal;

import java.time.Duration;
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
 * Then {@code warm-up-texts} short texts per language (two sentences of a bundled French news text, a different pair
 * each time so that no cache answers), translated and checked one at a time, every language in turn: a fresh JVM
 * interprets LanguageTool's code until the JIT has compiled it: with it, an idle service's ~600-word article costs 4-5 %
 * less CPU than with the first phase alone (bench/latency, docs/measurements.md). Before each text it waits
 * while an article is being translated, and it ends as soon as a backlog runs (the backlog compiles the same code).
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
        }
        log.info("Express lane's code compiled: {} text(s) per language in {} ms", done, (System.nanoTime() - started) / 1_000_000);
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
