package io.relais.batch.internal;

import java.time.Duration;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import io.relais.article.Article;
import io.relais.batch.LocalizeSteps;
import io.relais.batch.TranslationClaims;

/**
 * A step's reader, then the articles it deferred because another lane or node held them ({@link Deferred}): each
 * once, after waiting until that claim is let go (or {@code claimWait} passed — a node that died holds its claims
 * until they expire). The processor then finds it stored (nothing to do) or still missing (the holder failed or
 * died: it is translated now), so nothing is lost and nothing is done twice.
 */
final class DeferringReader implements ItemStreamReader<Article> {

    private final ItemReader<Article> delegate;
    private final TranslationClaims claims;
    private final Duration claimWait;

    DeferringReader(ItemReader<Article> delegate, TranslationClaims claims, Duration claimWait) {
        this.delegate = delegate;
        this.claims = claims;
        this.claimWait = claimWait;
    }

    @Override
    public Article read() throws Exception {
        Article article = delegate.read();
        if (article != null) {
            return article;
        }
        Deferred deferred = Deferred.current();
        Article again = deferred == null ? null : deferred.next();
        if (again != null) {
            awaitRelease(again, lang());
        }
        return again;
    }

    private void awaitRelease(Article article, String lang) throws InterruptedException {
        long deadline = System.nanoTime() + claimWait.toNanos();
        while (lang != null && claims.held(article.id(), article.revision(), lang) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static String lang() {
        StepContext context = StepSynchronizationManager.getContext();
        ExecutionContext step = context == null ? null : context.getStepExecution().getExecutionContext();
        return step != null && step.containsKey(LocalizeSteps.LANG) ? step.getString(LocalizeSteps.LANG) : null;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        if (delegate instanceof ItemStream stream) {
            stream.open(executionContext);
        }
    }

    @Override
    public void update(ExecutionContext executionContext) {
        if (delegate instanceof ItemStream stream) {
            stream.update(executionContext);
        }
    }

    @Override
    public void close() {
        if (delegate instanceof ItemStream stream) {
            stream.close();
        }
    }
}
