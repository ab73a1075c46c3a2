package io.relais.batch.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import io.relais.article.Article;
import io.relais.article.StoredIssue;
import io.relais.article.TranslationResult;
import io.relais.article.TranslationState;
import io.relais.quality.FieldIssue;
import io.relais.quality.FieldText;
import io.relais.quality.QualityReport;
import io.relais.quality.TranslationQuality;
import io.relais.quality.Verdict;
import io.relais.translate.MachineTranslator;
import io.relais.translate.TextFormat;
import io.relais.translate.TranslatedText;
import io.relais.translate.TranslationException;
import io.relais.translate.Translator;

/**
 * Translates one article into one language, checks and estimates every segment of every field (quality module) and
 * gives the verdict. An engine
 * failure gives a FAILED result with the reason and no text — never the French text in its place.
 */
public class LocalizeProcessor implements ItemProcessor<Article, TranslationResult> {

    private static final Logger log = LoggerFactory.getLogger(LocalizeProcessor.class);
    public static final String SEGMENTS = "translate.segments";
    public static final String MEMORY_HITS = "translate.memoryHits";

    private final Translator translator;
    private final TranslationQuality quality;
    private final String lang;

    public LocalizeProcessor(Translator translator, TranslationQuality quality, String lang) {
        this.translator = translator;
        this.quality = quality;
        this.lang = lang;
    }

    @Override
    public TranslationResult process(Article article) {
        MachineTranslator engine = translator.engineFor(lang);
        String engineName = engine == null ? null : engine.name();
        String route = engine == null ? null : engine.route(Translator.SOURCE_LANGUAGE, lang);
        TranslatedText title;
        TranslatedText summary;
        TranslatedText body;
        try {
            title = translator.translate(article.title(), TextFormat.PLAIN, lang);
            summary = article.summary() == null ? null : translator.translate(article.summary(), TextFormat.PLAIN, lang);
            body = translator.translate(article.body(), TextFormat.HTML, lang);
        } catch (TranslationException e) {
            log.warn("Article #{} into {} failed: {}", article.id(), lang, e.getMessage());
            return TranslationResult.failed(article.id(), article.revision(), lang, engineName, route, e.getMessage());
        }

        List<FieldText> fields = new ArrayList<>();
        fields.add(new FieldText("title", article.title(), TextFormat.PLAIN, title));
        if (summary != null) {
            fields.add(new FieldText("summary", article.summary(), TextFormat.PLAIN, summary));
        }
        fields.add(new FieldText("body", article.body(), TextFormat.HTML, body));
        QualityReport report = quality.assess(lang, fields);
        List<StoredIssue> issues = new ArrayList<>();
        for (FieldIssue f : report.issues()) {
            var issue = f.issue();
            issues.add(new StoredIssue(issue.checker(), f.field(), issue.ruleId(), issue.message(),
                    issue.startOffset(), issue.endOffset(), issue.suggestion(), issue.severity()));
        }

        countMemoryUse(title, summary, body);
        int words = title.wordCount() + body.wordCount() + (summary == null ? 0 : summary.wordCount());
        int unknown = title.unknownWords() + body.unknownWords() + (summary == null ? 0 : summary.unknownWords());
        Verdict verdict = report.verdict();
        return new TranslationResult(article.id(), article.revision(), lang, body.engine(), body.route(),
                title.text(), summary == null ? null : summary.text(), body.text(), verdict.score(), words, unknown,
                verdict.autoApprove() ? TranslationState.AUTO_APPROVED : TranslationState.NEEDS_REVIEW,
                verdict.autoApprove() ? null : verdict.explanation(), issues);
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
