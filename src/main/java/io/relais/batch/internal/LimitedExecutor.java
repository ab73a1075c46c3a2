package io.relais.batch.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * At most {@code limit} of the tasks given to it run at once on {@code delegate}; the others wait here, in order, for
 * one to end. Written by hand because an executor that queues is what the JDK offers, not one that shares another
 * executor's threads: the express lane gives each language at most two of its threads, so that no language waits for
 * all of them and each language needs no more than two LanguageTool instances (each takes seconds to load).
 */
final class LimitedExecutor implements Executor {

    private final Executor delegate;
    private final int limit;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    LimitedExecutor(Executor delegate, int limit) {
        this.delegate = delegate;
        this.limit = Math.max(1, limit);
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (running >= limit) {
                waiting.addLast(task);
                return;
            }
            running++;
        }
        delegate.execute(() -> runThenNext(task));
    }

    private void runThenNext(Runnable task) {
        Runnable next = task;
        while (next != null) {
            try {
                next.run();
            } finally {
                synchronized (this) {
                    next = waiting.pollFirst();
                    if (next == null) {
                        running--;
                    }
                }
            }
        }
    }
}
