package io.relais.engine.apertium;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.relais.engine.TranslationException;

/**
 * Starts Apertium's programs from one thread made when the engine is made (at the service's start, at its
 * priority). A program takes the OS priority of the thread that starts it: started from a backlog thread (which runs
 * below the process, see the batch module's backlog threads) a pipeline shared with the express lane would run every
 * express request at the backlog's priority; started here, a foreground pipeline runs at the service's priority and a
 * background one exactly {@link ApertiumPipeline#NICER} below it, whichever thread first needed it. Its reader thread
 * is made here too, for the same reason.
 */
final class ProgramStarter implements AutoCloseable {

    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "apertium-starter");
                t.setDaemon(true);
                return t;
            });

    ProgramStarter() {
        // made now, on the thread making the engine: a thread takes its priority from the one that makes it
        thread.prestartAllCoreThreads();
    }

    <T> T call(Callable<T> start) {
        try {
            return thread.submit(start).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new TranslationException("cannot start Apertium: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationException("interrupted while starting Apertium", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
