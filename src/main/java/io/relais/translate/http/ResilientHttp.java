package io.relais.translate.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.LongConsumer;

import io.relais.translate.TranslationException;

/**
 * POSTs JSON to a remote translation service with a timeout, retries 429 and 5xx answers and network errors with
 * exponential backoff (honouring {@code Retry-After}, in seconds or as an HTTP date), and a circuit breaker that stops
 * calling a service after {@code failureThreshold} failed calls in a row, until {@code openFor} has passed.
 * <p>
 * Written by hand rather than with a resilience library: Spring's {@code RetryTemplate} does not read
 * {@code Retry-After}, and the only circuit breaker on the classpath is an old transitive dependency of LanguageTool.
 */
public class ResilientHttp {

    public record Settings(Duration timeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                           int failureThreshold, Duration openFor) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(30), 4, Duration.ofMillis(500), Duration.ofSeconds(30), 5,
                    Duration.ofSeconds(60));
        }
    }

    private final String service;
    private final Settings settings;
    private final HttpClient http;
    private final Clock clock;
    private final LongConsumer sleeper;
    private int consecutiveFailures;
    private Instant openUntil = Instant.MIN;

    public ResilientHttp(String service, Settings settings) {
        this(service, settings, Clock.systemUTC(), ResilientHttp::sleep);
    }

    ResilientHttp(String service, Settings settings, Clock clock, LongConsumer sleeper) {
        this.service = service;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** Whether calls are let through (false while the breaker is open). */
    public synchronized boolean available() {
        return !clock.instant().isBefore(openUntil);
    }

    /** POSTs the body and returns the response body of the first 2xx answer. */
    public String postJson(URI uri, String json, Map<String, String> headers) {
        if (!available()) {
            throw new TranslationException(service + " is not called for now: its circuit breaker is open after "
                    + settings.failureThreshold() + " failures in a row");
        }
        Duration backoff = settings.initialBackoff();
        String lastProblem = "not called";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Duration wait = backoff;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json));
                headers.forEach(request::header);
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    succeeded();
                    return response.body();
                }
                lastProblem = "HTTP " + status + " " + abbreviate(response.body());
                if (status != 429 && status < 500) {
                    failed();
                    throw new TranslationException(service + " refused the request: " + lastProblem);
                }
                wait = retryAfter(response).orElse(backoff);
            } catch (HttpTimeoutException e) {
                lastProblem = "no answer within " + settings.timeout().toSeconds() + " s";
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TranslationException(service + ": interrupted", e);
            }
            if (attempt < settings.maxAttempts()) {
                sleeper.accept(Math.min(wait.toMillis(), settings.maxBackoff().toMillis()));
                backoff = backoff.multipliedBy(2);
            }
        }
        failed();
        throw new TranslationException(service + " failed after " + settings.maxAttempts() + " attempts: " + lastProblem);
    }

    private java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration until = Duration.between(clock.instant(), at);
                    return until.isNegative() ? Duration.ZERO : until;
                } catch (DateTimeParseException unreadable) {
                    return null;
                }
            }
        });
    }

    private synchronized void succeeded() {
        consecutiveFailures = 0;
    }

    private synchronized void failed() {
        if (++consecutiveFailures >= settings.failureThreshold()) {
            openUntil = clock.instant().plus(settings.openFor());
            consecutiveFailures = 0;
        }
    }

    private static String abbreviate(String body) {
        String s = body == null ? "" : body.strip();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationException("interrupted while backing off", e);
        }
    }
}
