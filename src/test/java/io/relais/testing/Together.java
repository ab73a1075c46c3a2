package io.relais.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Races for tests of what nodes of a cluster (or threads of one node) do at the same moment on one database: a call
 * run on several threads released together, each with a connection of its own, as nodes would have.
 */
public final class Together {

    private Together() {
    }

    /** Runs {@code call} on {@code threads} threads released together; their results (a failure fails here). */
    public static <T> List<T> run(int threads, Callable<T> call) throws Exception {
        List<Outcome<T>> outcomes = outcomes(threads, call);
        List<T> values = new ArrayList<>();
        for (Outcome<T> outcome : outcomes) {
            if (outcome.failure() != null) {
                throw new AssertionError("one of the threads failed: " + outcome.failure(), outcome.failure());
            }
            values.add(outcome.value());
        }
        return values;
    }

    /** A thread's result, or what it threw. */
    public record Outcome<T>(T value, Throwable failure) {
    }

    /** Runs {@code call} on {@code threads} threads released together; what each returned or threw. */
    public static <T> List<Outcome<T>> outcomes(int threads, Callable<T> call) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> result : results) {
                try {
                    outcomes.add(new Outcome<>(result.get(), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
