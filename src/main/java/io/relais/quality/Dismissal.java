package io.relais.quality;

import java.time.OffsetDateTime;

/** An issue an editor dismissed: who, when, why. */
public record Dismissal(long id, IssueKey key, String reason, String username, OffsetDateTime at) {
}
