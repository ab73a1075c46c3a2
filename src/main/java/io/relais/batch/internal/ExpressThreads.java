package io.relais.batch.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import io.relais.batch.BatchSettings;

/**
 * The threads an express article's segments are translated on, all languages together
 * ({@code relais.batch.express.segment-threads}, by default twice the cores: a segment's thread waits while Apertium's
 * processes translate it, then LanguageTool reads it on this one), so that the language finishing last has every
 * core once the others are done.
 */
@Component
public class ExpressThreads implements AutoCloseable {

    private final ThreadPoolExecutor pool;

    ExpressThreads(BatchSettings settings) {
        int threads = settings.express().segmentThreadCount();
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "express-segment-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** At most this many segments of one language are translated at once (one LanguageTool instance each). */
    public static final int PER_LANGUAGE = 2;

    /**
     * The threads as one language's step may use them: {@value #PER_LANGUAGE} at a time. (Not an {@code Executor} bean
     * itself: one would take the place of the application's task executor, on which the module listeners run.)
     */
    public Executor forOneLanguage() {
        return new LimitedExecutor(pool, PER_LANGUAGE);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
