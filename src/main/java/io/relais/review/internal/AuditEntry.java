package io.relais.review.internal;

import java.time.OffsetDateTime;

/** One review action on a translation, as {@code review_audit} keeps it: who, what, when, and the text before and after. */
record AuditEntry(String user, String action, OffsetDateTime at, String stateBefore, String stateAfter,
                  String titleBefore, String titleAfter, String bodyBefore, String bodyAfter, String reason) {
}
