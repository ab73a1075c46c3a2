package io.relais.batch.internal;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import io.relais.article.Article;
import io.relais.translation.TranslationResult;
import io.relais.translation.Translations;

/**
 * An express step on this node: backlog steps here yield to it while it runs ({@link LaneGate}), and each article it
 * stores is announced to publishing in the chunk's transaction — the language's feeds, archives, pages and WebSub
 * pings follow as soon as that commits, not when the other languages or the other articles of the run are done.
 */
final class ExpressStepListener implements StepExecutionListener, ChunkListener<Article, TranslationResult> {

    private final LaneGate gate;
    private final Translations translations;
    private final LocalizeStageTimes times;

    ExpressStepListener(LaneGate gate, Translations translations, LocalizeStageTimes times) {
        this.gate = gate;
        this.translations = translations;
        this.times = times;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        gate.enter();
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        gate.leave();
        return stepExecution.getExitStatus();
    }

    @Override
    public void afterChunk(Chunk<TranslationResult> chunk) {
        if (!chunk.isEmpty()) {
            long started = System.nanoTime();
            translations.announce(chunk.getItems().get(0).lang());
            times.add(LocalizeStageTimes.Stage.PUBLISH, System.nanoTime() - started);
        }
    }
}
