package io.relais.engine.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.relais.http.RetryAfter;
import io.relais.engine.TranslationException;

/**
 * POSTs JSON to a remote translation service with a timeout; Resilience4j retries 429 and 5xx answers and network
 * errors with exponential backoff, waiting what the server's {@code Retry-After} asks when it says, and a circuit
 * breaker stops calling a service after {@code failureThreshold} failed calls in a row, until {@code openFor} has
 * passed (then one trial call decides).
 */
public class ResilientHttp {

    public record Settings(Duration timeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                           int failureThreshold, Duration openFor) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(30), 4, Duration.ofMillis(500), Duration.ofSeconds(30), 5,
                    Duration.ofSeconds(60));
        }
    }

    /** An attempt worth repeating (429, 5xx, timeout, network error), with the server's wait if it gave one. */
    static final class RetryableFailure extends RuntimeException {

        final Duration retryAfter;

        RetryableFailure(String problem, Duration retryAfter) {
            super(problem, null, false, false);
            this.retryAfter = retryAfter;
        }
    }

    private final String service;
    private final Settings settings;
    private final HttpClient http;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private volatile Instant openedAt = Instant.MIN;

    public ResilientHttp(String service, Settings settings) {
        this(service, settings, Clock.systemUTC());
    }

    ResilientHttp(String service, Settings settings, Clock clock) {
        this.service = service;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.breaker = CircuitBreaker.of(service, CircuitBreakerConfig.custom()
                .slidingWindow(settings.failureThreshold(), settings.failureThreshold(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)   // every call of the window failed: failureThreshold in a row
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
        breaker.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = clock.instant();
            }
        });
        this.retry = Retry.of(service, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(RetryableFailure.class::isInstance)
                .intervalBiFunction((attempt, outcome) -> {
                    Duration backoff = settings.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
                    Duration wait = outcome.isLeft() && outcome.getLeft() instanceof RetryableFailure f
                            && f.retryAfter != null ? f.retryAfter : backoff;
                    return Math.min(wait.toMillis(), settings.maxBackoff().toMillis());
                })
                .build());
    }

    /** Whether calls are let through (false while the breaker is open and its delay has not passed). */
    public boolean available() {
        return breaker.getState() != CircuitBreaker.State.OPEN
                || !clock.instant().isBefore(openedAt.plus(settings.openFor()));
    }

    /** POSTs the body and returns the response body of the first 2xx answer. */
    public String postJson(URI uri, String json, Map<String, String> headers) {
        try {
            return breaker.executeSupplier(() -> retry.executeSupplier(() -> attempt(uri, json, headers)));
        } catch (CallNotPermittedException open) {
            throw new TranslationException(service + " is not called for now: its circuit breaker is open after "
                    + settings.failureThreshold() + " failures in a row");
        } catch (RetryableFailure failure) {
            throw new TranslationException(service + " failed after " + settings.maxAttempts() + " attempts: "
                    + failure.getMessage());
        }
    }

    private String attempt(URI uri, String json, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response.body();
            }
            String problem = "HTTP " + status + " " + abbreviate(response.body());
            if (status != 429 && status < 500) {
                throw new TranslationException(service + " refused the request: " + problem);
            }
            throw new RetryableFailure(problem,
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant()).orElse(null));
        } catch (HttpTimeoutException e) {
            throw new RetryableFailure("no answer within " + settings.timeout().toSeconds() + " s", null);
        } catch (IOException e) {
            throw new RetryableFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationException(service + ": interrupted", e);
        }
    }

    private static String abbreviate(String body) {
        String s = body == null ? "" : body.strip();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
