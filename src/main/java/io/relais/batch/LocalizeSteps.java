package io.relais.batch;

import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ItemReader;

import io.relais.article.Article;

/**
 * The parts of the {@code localize} job that run elsewhere when its partitions do ({@link RemotePartitions}): the
 * names the job repository knows the job and its steps by, the key of a partition's language, and the per-language
 * translate-and-check step built around another reader.
 */
public interface LocalizeSteps {

    /** The job's name in the job repository. */
    String JOB_NAME = "localize";
    /** The worker step's name (each partition's step execution is named after it). */
    String WORKER_STEP = "translateLanguage";
    /** Key of a partition's target language in its step execution context. */
    String LANG = "lang";

    /**
     * A step named {@link #WORKER_STEP} that reads with {@code reader} and translates, checks and stores like the
     * local job (same processor, writer, feed announcement, {@link LocalizeStepListener}s and chunk size).
     */
    Step workerStep(ItemReader<Article> reader);
}
