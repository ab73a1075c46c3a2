package io.relais.batch.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/** Lets whoever asked for a run learn its execution id as soon as Spring Batch creates it. */
@Component
public class LocalizeRunTracker {

    private final AtomicReference<CompletableFuture<Long>> next = new AtomicReference<>();

    public CompletableFuture<Long> expectStart() {
        CompletableFuture<Long> signal = new CompletableFuture<>();
        next.set(signal);
        return signal;
    }

    void started(long executionId) {
        CompletableFuture<Long> signal = next.getAndSet(null);
        if (signal != null) {
            signal.complete(executionId);
        }
    }
}
