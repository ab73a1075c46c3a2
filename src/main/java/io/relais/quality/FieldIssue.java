package io.relais.quality;

/** A quality issue of one field (title, summary, body) of a translation; offsets into that field's plain text. */
public record FieldIssue(String field, QualityIssue issue) {
}
