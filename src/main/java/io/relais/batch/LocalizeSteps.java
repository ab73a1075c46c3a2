package io.relais.batch;

import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ItemReader;

import io.relais.article.Article;

/**
 * The parts of the {@code localize} job and of the express lane that run elsewhere when their partitions do
 * ({@link RemotePartitions}): the names the job repository knows the jobs and their steps by, the keys of a
 * partition's language and of an express run's articles, the backlog's per-language translate-and-check step built
 * around another reader, and the express lane's per-language step.
 */
public interface LocalizeSteps {

    /** The backlog job's name in the job repository. */
    String JOB_NAME = "localize";
    /** The backlog's worker step's name (each partition's step execution is named after it). */
    String WORKER_STEP = "translateLanguage";
    /** Key of a partition's target language in its step execution context. */
    String LANG = "lang";
    /** The express lane's job: one run per article, or per group of articles that arrived together. */
    String EXPRESS_JOB = "express";
    /** The express lane's worker step (one partition per language). */
    String EXPRESS_STEP = "expressLanguage";
    /** The express job's parameter naming its articles (ids, comma-separated). */
    String ARTICLES = "articles";
    /**
     * The express job's parameter (not identifying: a run's instance is its articles) naming the process that manages
     * the run, in a cluster only ({@link RunGate#expressManager()}).
     */
    String MANAGER = "manager";

    /**
     * A step named {@link #WORKER_STEP} that reads with {@code reader} and translates, checks and stores like the
     * local job (same processor, writer, feed announcement, {@link LocalizeStepListener}s and chunk size), yielding
     * to express work on this node between chunks.
     */
    Step workerStep(ItemReader<Article> reader);

    /**
     * The step named {@link #EXPRESS_STEP}: its run's articles ({@link #ARTICLES}) that still need its language
     * ({@link #LANG}), one article per chunk, each article's segments translated at once on this node's cores, each
     * language's feeds announced as soon as an article is stored in it.
     */
    Step expressStep();
}
