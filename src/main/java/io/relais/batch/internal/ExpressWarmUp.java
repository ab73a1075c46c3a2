package io.relais.batch.internal;

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
 * Nothing is stored: not the translation memory, not a translation. {@code relais.batch.express.warm-up: false} to skip.
 */
@Component
class ExpressWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ExpressWarmUp.class);
    /** Two sentences, checked at once per language: the express lane checks two segments of a language at once. */
    static final List<String> SENTENCES = List.of(
            "Le maire de Lyon a présenté mardi le nouveau plan de transport de la ville.",
            "Les habitants pourront donner leur avis sur le projet jusqu'à la fin du mois de janvier.");

    private final Translator translator;
    private final TranslationQuality quality;
    private final List<String> languages;
    private final boolean enabled;

    private final ExpressThreads threads;

    ExpressWarmUp(Translator translator, TranslationQuality quality, TargetLanguages languages, BatchSettings settings,
                  ExpressThreads threads, ObjectProvider<RemotePartitions> remote) {
        this.threads = threads;
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
                    .map(sentence -> CompletableFuture.runAsync(() -> warmUp(engine, lang, sentence), threads.forOneLanguage()))
                    .toList();
            together.forEach(CompletableFuture::join);
        }
        log.info("Express lane warmed up: {} language(s) in {} ms", languages.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private void warmUp(MachineTranslator engine, String lang, String sentence) {
        try {
            TranslatedText text = null;
            for (String route : engine.candidateRoutes(Article.SOURCE_LANGUAGE, lang)) {
                text = engine.translate(sentence, TextFormat.PLAIN, Article.SOURCE_LANGUAGE, lang, route);
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
