package io.relais.review.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The checks and suggestions a save answers with, when they are ready soon enough: the save is stored before they
 * run, and an editor waiting on "Saving…" for LanguageTool (its rules loading after a start, a long paragraph, a busy
 * machine) would take a stored text for one in danger. Past {@link #BUDGET} the answer goes without them and the page
 * asks for them itself ({@code POST …/cells/{key}/check}); the check goes on meanwhile and fills the checks' cache.
 */
@Component
class SaveChecks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SaveChecks.class);

    /** How long a save's answer waits for its checks. */
    static final Duration BUDGET = Duration.ofMillis(1500);

    /** A few threads and a short queue: past them a save answers at once, and the page's own check waits its turn. */
    private final ThreadPoolExecutor threads = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(16), daemons());

    /** What {@code work} answers within the budget; empty when it took longer, could not start, or failed. */
    <T> Optional<T> within(Supplier<T> work) {
        Future<T> answer;
        try {
            answer = threads.submit(work::get);
        } catch (RejectedExecutionException e) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(answer.get(BUDGET.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            // the save is stored: it is answered as saved, the page's own check meets the failure
            log.warn("The checks of a saved segment failed: {}", String.valueOf(e.getCause()));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static CustomizableThreadFactory daemons() {
        CustomizableThreadFactory factory = new CustomizableThreadFactory("workbench-checks-");
        factory.setDaemon(true);
        return factory;
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
