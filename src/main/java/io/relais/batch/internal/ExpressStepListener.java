package io.relais.batch.internal;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.ObjectProvider;

import io.relais.article.Article;
import io.relais.batch.ExpressLane;
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

    private final ObjectProvider<ExpressLane> lane;

    /** @param lane looked up when an article is stored (the lane's job is built from this step) */
    ExpressStepListener(LaneGate gate, Translations translations, LocalizeStageTimes times,
                        ObjectProvider<ExpressLane> lane) {
        this.lane = lane;
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
            TranslationResult stored = chunk.getItems().get(0);
            long started = System.nanoTime();
            translations.announce(stored.lang());
            times.add(LocalizeStageTimes.Stage.PUBLISH, System.nanoTime() - started);
            lane.getObject().stored(stored.articleId(), stored.lang());
        }
    }
}
