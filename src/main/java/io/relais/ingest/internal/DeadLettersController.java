package io.relais.ingest.internal;

import java.util.List;

import org.springframework.http.HttpStatus;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.relais.ingest.DeadLetter;
import io.relais.ingest.DeadLetterRetry;
import io.relais.ingest.DeadLetters;
import io.relais.http.ApiProblem;

/**
 * {@code GET /api/dead-letters}: what could not be ingested and why; {@code .../{id}/payload} the raw bytes;
 * {@code POST .../{id}/retry} puts a file's bytes back into the inbox (the inbox route ingests it again and, if it
 * fails again, records a new dead letter); {@code DELETE .../{id}} discards it.
 */
@RestController
class DeadLettersController {

    private final DeadLetters deadLetters;
    private final DeadLetterRetry retry;

    DeadLettersController(DeadLetters deadLetters, DeadLetterRetry retry) {
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    /** Where the payload went back to ({@code inbox/name}). */
    record Retrying(String retrying) {
    }

    @PostMapping("/api/dead-letters/{id}/retry")
    ResponseEntity<Retrying> retry(@PathVariable long id) {
        DeadLetter letter = deadLetters.find(id)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "no dead letter " + id));
        if (!retry.retryable(letter)) {
            throw new ApiProblem(HttpStatus.CONFLICT, DeadLetterRetry.NOT_RETRYABLE);
        }
        return ResponseEntity.accepted().body(new Retrying(retry.retry(id)));
    }

    @DeleteMapping("/api/dead-letters/{id}")
    ResponseEntity<Void> discard(@PathVariable long id) {
        return deadLetters.discard(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @GetMapping("/api/dead-letters")
    List<DeadLetter> recent(@RequestParam(defaultValue = "50") int limit) {
        return deadLetters.recent(Math.min(limit, 500));
    }

    @GetMapping("/api/dead-letters/{id}/payload")
    ResponseEntity<byte[]> payload(@PathVariable long id) {
        return deadLetters.payload(id)
                .map(bytes -> ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes))
                .orElse(ResponseEntity.notFound().build());
    }
}
