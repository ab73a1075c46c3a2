package io.relais.ingest.internal;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.relais.ingest.DeadLetter;
import io.relais.ingest.DeadLetters;

/** {@code GET /api/dead-letters}: what could not be ingested and why; {@code .../{id}/payload} the raw bytes. */
@RestController
class DeadLettersController {

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
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
