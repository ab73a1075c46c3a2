package io.relais.publish.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When each public document last changed ({@code document_state}): its Last-Modified. A document rendered to the same
 * bytes as before keeps its time — after a restart, on another node —, so that {@code If-Modified-Since} and
 * {@code If-None-Match} agree; new bytes take the time of the change that made them (a feed's newest log row) when
 * that is newer than what was recorded, else now (the same content written differently: a new version of Relais,
 * another base URL), and always a later second than the bytes before.
 */
@Repository
class DocumentStates {

    private final JdbcClient jdbc;

    DocumentStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The Last-Modified time of the document {@code key} whose bytes have the tag {@code etag}; {@code contentChange}
     * is when its content last changed, if known (null: not known).
     */
    Instant lastModified(String key, String etag, Instant contentChange) {
        Optional<State> known = find(key);
        if (known.isPresent() && known.get().etag().equals(etag)) {
            return known.get().changedAt();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant content = contentChange == null || contentChange.equals(Instant.EPOCH) ? null
                : contentChange.truncatedTo(ChronoUnit.SECONDS);
        Instant changed = content != null && (known.isEmpty() || content.isAfter(known.get().changedAt())) ? content : now;
        if (known.isPresent() && !changed.isAfter(known.get().changedAt())) {
            // new bytes never keep the time of the bytes before (a change in the same second as the one before, a node
            // whose clock is behind): a client that read those and asks If-Modified-Since would be told 304 and keep
            // them — an entry withdrawn a moment after it was approved
            changed = known.get().changedAt().plusSeconds(1);
        }
        OffsetDateTime at = changed.atOffset(ZoneOffset.UTC);
        if (known.isPresent()) {
            jdbc.sql("update document_state set etag = ?, changed_at = ? where doc_key = ?").params(etag, at, key).update();
        } else {
            try {
                jdbc.sql("insert into document_state (doc_key, etag, changed_at) values (?, ?, ?)").params(key, etag, at).update();
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                return lastModified(key, etag, contentChange);
            }
        }
        return changed;
    }

    private Optional<State> find(String key) {
        return jdbc.sql("select etag, changed_at from document_state where doc_key = ?").param(key)
                .query((rs, i) -> new State(rs.getString("etag"), rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private record State(String etag, Instant changedAt) {
    }
}
