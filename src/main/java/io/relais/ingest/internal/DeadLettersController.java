package io.relais.ingest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

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
    private final Path inbox;

    DeadLettersController(DeadLetters deadLetters, IngestProperties settings) {
        this.deadLetters = deadLetters;
        this.inbox = settings.inboxDir();
    }

    @PostMapping("/api/dead-letters/{id}/retry")
    ResponseEntity<Map<String, Object>> retry(@PathVariable long id) throws IOException {
        DeadLetter letter = deadLetters.find(id).orElse(null);
        if (letter == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "no dead letter " + id);
        }
        if (!letter.origin().startsWith("inbox/")) {
            throw new ApiProblem(HttpStatus.CONFLICT, "only inbox files can be retried; "
                    + "a feed is fetched again at its next poll, a pushed article is pushed again by its sender");
        }
        String name = Path.of(letter.origin().substring("inbox/".length())).getFileName().toString();
        byte[] payload = deadLetters.payload(id).orElse(new byte[0]);
        Files.createDirectories(inbox);
        Path tmp = Files.createTempFile(inbox, ".retry-", ".tmp");
        Files.write(tmp, payload);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        deadLetters.discard(id);
        return ResponseEntity.accepted().body(Map.of("retrying", "inbox/" + name));
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
