package io.relais.engine.apertium;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.relais.engine.TranslationException;

/**
 * One Apertium answer for identical requests to a mode: a mode is a pure function of its input, and the languages
 * of one article ask the same hop for the same sentences — Catalan, Italian and Portuguese all begin with fr→ca, and
 * English's routes with fr→es and fr→ca — at the same moment, from their own threads. The first request of a
 * sentence goes to the pipeline; the same request made while it is under way waits for that answer rather than
 * queueing behind it in the same programs, and one made after it is answered from the last answers kept (bounded by
 * their size in characters). The lanes do not wait for each other's requests: a key holds the lane.
 */
final class SharedAnswers {

    /** Characters of requests and answers kept, about twice as many bytes: a few thousand sentences. */
    static final long KEPT_CHARS = 4_000_000;

    private final AsyncCache<String, String> answers = Caffeine.newBuilder().maximumWeight(KEPT_CHARS)
            .<String, String>weigher((key, answer) -> key.length() + answer.length()).buildAsync();
    private final AtomicLong shared = new AtomicLong();
    private final Duration timeout;

    /** @param timeout longest wait for another thread's request (the pipeline's own hang timeout) */
    SharedAnswers(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The answer to {@code request} in {@code mode}: the one given or being given to the same request in the same
     * lane, or {@code translate}'s, computed on the calling thread (its lane and priority). A failed request is not
     * kept: whoever waited for it asks the pipeline again.
     */
    String answer(String lane, String mode, String request, Supplier<String> translate) {
        String key = lane + '\0' + mode + '\0' + request;
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> earlier = answers.asMap().putIfAbsent(key, mine);
        if (earlier == null) {
            try {
                String answer = translate.get();
                mine.complete(answer);
                return answer;
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);   // removed from the cache by Caffeine
                throw e;
            }
        }
        try {
            String answer = earlier.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            shared.incrementAndGet();
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationException("interrupted while Apertium " + mode + " answered the same request");
        } catch (ExecutionException | TimeoutException e) {
            return translate.get();
        }
    }

    /** Requests answered without a pipeline since start. */
    long shared() {
        return shared.get();
    }
}
