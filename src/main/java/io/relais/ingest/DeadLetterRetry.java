package io.relais.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.stereotype.Service;
import io.relais.ingest.internal.IngestSettings;

/**
 * Retrying a dead letter, for {@code POST /api/dead-letters/{id}/retry} and the operator console alike: an inbox file goes back into the inbox, where the inbox route ingests it
 * again (and records a new dead letter if it fails again); a feed item comes back at its source's next poll and a
 * pushed article with its sender, so those are refused with the reason.
 */
@Service
public class DeadLetterRetry {

    public static final String NOT_RETRYABLE = "only inbox files can be retried; a feed is fetched again at its next "
            + "poll, a pushed article is pushed again by its sender";

    private final DeadLetters deadLetters;
    private final Path inbox;

    DeadLetterRetry(DeadLetters deadLetters, IngestSettings settings) {
        this.deadLetters = deadLetters;
        this.inbox = settings.inboxDir();
    }

    public boolean retryable(DeadLetter letter) {
        return letter.origin().startsWith("inbox/");
    }

    /**
     * Puts the payload back into the inbox and marks the dead letter retried (kept, so that a new failure of the same
     * bytes can name it as its earlier attempt); returns the inbox file name.
     */
    public String retry(long id) {
        DeadLetter letter = deadLetters.find(id).orElseThrow(() -> new IllegalArgumentException("no dead letter " + id));
        if (letter.retried()) {
            throw retriedAlready(id);
        }
        if (!retryable(letter)) {
            throw new IllegalArgumentException(NOT_RETRYABLE);
        }
        String name = Path.of(letter.origin().substring("inbox/".length())).getFileName().toString();
        byte[] payload = deadLetters.payload(id).orElse(new byte[0]);
        // marked before the file is picked up, so that a new failure of the same bytes finds this attempt to link to;
        // and by one statement, so that of two operators (two nodes) retrying at once only one puts the file back
        if (!deadLetters.markRetried(id)) {
            throw retriedAlready(id);
        }
        try {
            Files.createDirectories(inbox);
            Path tmp = Files.createTempFile(inbox, ".retry-", ".tmp");
            Files.write(tmp, payload);
            Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deadLetters.markWaiting(id);
            throw new UncheckedIOException("cannot put " + name + " back into the inbox: " + e.getMessage(), e);
        }
        return "inbox/" + name;
    }

    private IllegalArgumentException retriedAlready(long id) {
        return new IllegalArgumentException("dead letter " + id + " was retried already"
                + deadLetters.laterAttempt(id).map(l -> " and failed again as #" + l.id()).orElse(""));
    }
}
