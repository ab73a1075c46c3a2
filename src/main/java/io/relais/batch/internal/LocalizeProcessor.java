package io.relais.batch.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import io.relais.article.Article;
import io.relais.article.ArticleTraces;
import io.relais.translation.StoredIssue;
import io.relais.translation.TranslationResult;
import io.relais.translation.TranslationState;
import io.relais.quality.FieldIssue;
import io.relais.quality.FieldText;
import io.relais.quality.QualityIssue;
import io.relais.quality.QualityReport;
import io.relais.quality.TranslationQuality;
import io.relais.quality.Verdict;
import io.relais.engine.BackgroundWork;
import io.relais.engine.MachineTranslator;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedText;
import io.relais.engine.TranslationException;
import io.relais.engine.Translator;
import io.relais.engine.Words;

/**
 * Translates one article into one language, checks and estimates every segment of every field (the quality module:
 * LanguageTool, the MT checks, the fitted estimate) and gives the verdict. An engine
 * failure gives a FAILED result with the reason and no text — never the French text in its place. So does a
 * checker failure and an article longer than the word limit: one article's trouble is that article's FAILED
 * translation, never a failed partition holding up every other article of the language.
 */
public class LocalizeProcessor implements ItemProcessor<Article, TranslationResult> {

    private static final Logger log = LoggerFactory.getLogger(LocalizeProcessor.class);
    public static final String SEGMENTS = "translate.segments";
    public static final String MEMORY_HITS = "translate.memoryHits";

    private final Translator translator;
    private final TranslationQuality quality;
    private final String lang;
    private final int maxWords;
    private final LocalizeStageTimes times;
    private final Executor segments;
    private final ArticleTraces traces;
    private final boolean background;

    public LocalizeProcessor(Translator translator, TranslationQuality quality, String lang) {
        this(translator, quality, lang, Integer.MAX_VALUE, LocalizeStageTimes.NONE);
    }

    public LocalizeProcessor(Translator translator, TranslationQuality quality, String lang, int maxWords,
                             LocalizeStageTimes times) {
        this(translator, quality, lang, maxWords, times, ArticleTraces.untraced(), null);
    }

    /**
     * @param maxWords the longest article translated, in French words; a longer one is FAILED with the reason
     * @param traces   each article's translation is a span of the article's trace
     * @param segments where an article's segments (title, summary, each paragraph) are translated at once while
     *                 this thread waits — the express lane's cores; null: one after the other on this thread
     */
    public LocalizeProcessor(Translator translator, TranslationQuality quality, String lang, int maxWords,
                             LocalizeStageTimes times, ArticleTraces traces, Executor segments) {
        this(translator, quality, lang, maxWords, times, traces, segments, false);
    }

    /**
     * @param background whether this is a backlog's processor: its engine calls are {@link BackgroundWork} (Apertium
     *                   pipelines of their own, at a lower priority: an express article's requests never wait behind
     *                   them)
     */
    public LocalizeProcessor(Translator translator, TranslationQuality quality, String lang, int maxWords,
                             LocalizeStageTimes times, ArticleTraces traces, Executor segments, boolean background) {
        this.background = background;
        this.traces = traces;
        this.segments = segments;
        this.translator = translator;
        this.quality = quality;
        this.lang = lang;
        this.maxWords = maxWords;
        this.times = times;
    }

    /** The language this processor translates into. */
    public String lang() {
        return lang;
    }

    @Override
    public TranslationResult process(Article article) {
        return traces.continued(article.id(), "relais.article.translate", Map.of("relais.lang", lang),
                () -> background ? BackgroundWork.call(() -> translated(article)) : translated(article));
    }

    private TranslationResult translated(Article article) {
        MachineTranslator engine = translator.engineFor(lang);
        String engineName = engine == null ? null : engine.name();
        String route = engine == null ? null : engine.route(Article.SOURCE_LANGUAGE, lang);
        int frenchWords = Words.count(article.title()) + Words.count(article.summary())
                + Words.count(Jsoup.parseBodyFragment(article.body()).text());
        if (frenchWords > maxWords) {
            String reason = "too long to translate: " + frenchWords + " words, the limit is " + maxWords
                    + " (relais.batch.max-words-per-article); split the article into shorter ones";
            log.warn("Article #{} into {} refused: {}", article.id(), lang, reason);
            return TranslationResult.failed(article.id(), article.revision(), lang, engineName, route, reason);
        }
        TranslatedText title;
        TranslatedText summary;
        TranslatedText body;
        long started = System.nanoTime();
        try {
            if (segments == null) {
                title = translator.translate(article.title(), TextFormat.PLAIN, lang);
                summary = article.summary() == null ? null : translator.translate(article.summary(), TextFormat.PLAIN, lang);
                body = translator.translate(article.body(), TextFormat.HTML, lang);
            } else {
                CompletableFuture<TranslatedText> titled = CompletableFuture.supplyAsync(
                        () -> translator.translate(article.title(), TextFormat.PLAIN, lang), segments);
                CompletableFuture<TranslatedText> summed = article.summary() == null
                        ? CompletableFuture.completedFuture(null) : CompletableFuture.supplyAsync(
                                () -> translator.translate(article.summary(), TextFormat.PLAIN, lang), segments);
                body = translator.translate(article.body(), TextFormat.HTML, lang, segments);
                title = joined(titled);
                summary = joined(summed);
            }
        } catch (RuntimeException e) {
            // an engine's TranslationException, or anything unexpected on this one article's text
            log.warn("Article #{} into {} failed: {}", article.id(), lang, e.getMessage());
            return TranslationResult.failed(article.id(), article.revision(), lang, engineName, route,
                    e instanceof TranslationException ? e.getMessage() : "translation failed: " + e);
        } finally {
            times.add(LocalizeStageTimes.Stage.TRANSLATE, System.nanoTime() - started);
        }

        List<FieldText> fields = new ArrayList<>();
        fields.add(new FieldText("title", article.title(), TextFormat.PLAIN, title));
        if (summary != null) {
            fields.add(new FieldText("summary", article.summary(), TextFormat.PLAIN, summary));
        }
        fields.add(new FieldText("body", article.body(), TextFormat.HTML, body));
        QualityReport report;
        started = System.nanoTime();
        try {
            report = quality.assess(lang, fields);
        } catch (RuntimeException e) {
            // a checker that throws on one text must not fail the language's partition: this translation is
            // FAILED with the reason (and retried on a later run), the others go on
            log.warn("Checking article #{} in {} failed: {}", article.id(), lang, e.toString());
            return TranslationResult.failed(article.id(), article.revision(), lang, body.engine(), body.route(),
                    "quality check failed: " + e);
        } finally {
            times.add(LocalizeStageTimes.Stage.CHECK, System.nanoTime() - started);
        }
        countMemoryUse(title, summary, body);
        int words = title.wordCount() + body.wordCount() + (summary == null ? 0 : summary.wordCount());
        int unknown = title.unknownWords() + body.unknownWords() + (summary == null ? 0 : summary.unknownWords());
        List<StoredIssue> issues = new ArrayList<>();
        for (FieldIssue f : report.issues()) {
            QualityIssue issue = f.issue();
            issues.add(new StoredIssue(issue.checker(), f.field(), issue.ruleId(), issue.message(),
                    issue.startOffset(), issue.endOffset(), issue.suggestion(), issue.severity()));
        }
        Verdict verdict = report.verdict();
        return new TranslationResult(article.id(), article.revision(), lang, body.engine(), body.route(),
                title.text(), summary == null ? null : summary.text(), body.text(), verdict.score(), words, unknown,
                verdict.autoApprove() ? TranslationState.AUTO_APPROVED : TranslationState.NEEDS_REVIEW,
                verdict.autoApprove() ? null : verdict.explanation(), issues);
    }

    /** The result of a segment translated on another thread, or its failure as it would have been thrown here. */
    private static TranslatedText joined(CompletableFuture<TranslatedText> translation) {
        try {
            return translation.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Segments translated and taken from the translation memory, kept in the step's statistics. */
    private static void countMemoryUse(TranslatedText... texts) {
        StepContext context = StepSynchronizationManager.getContext();
        if (context == null) {
            return;
        }
        ExecutionContext stats = context.getStepExecution().getExecutionContext();
        for (TranslatedText t : texts) {
            if (t != null) {
                stats.putLong(SEGMENTS, stats.getLong(SEGMENTS, 0) + t.segments());
                stats.putLong(MEMORY_HITS, stats.getLong(MEMORY_HITS, 0) + t.memoryHits());
            }
        }
    }
}
