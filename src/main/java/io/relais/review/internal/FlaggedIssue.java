package io.relais.review.internal;

/** A quality issue with the text it flags (cut from the field by its offsets), for highlighting and one-click fixes. */
record FlaggedIssue(String field, String checker, String message, String suggestion, int start, int end, String flagged) {
}
