package io.relais.quality.internal;

import java.util.Arrays;
import java.util.List;

import io.relais.quality.QualityIssue;

/** One named machine-translation check on a segment; offsets of its issues are into the segment's target text. */
public interface MtCheck {

    /** The checker name stored with each issue, e.g. {@code numbers}. */
    String name();

    List<QualityIssue> check(CheckedSegment segment);

    /** An issue that alone sends the segment to review, whatever its score (the reference set cannot weigh it). */
    default QualityIssue blocking(String rule, String message, int start, int end, String suggestion, Object... args) {
        return new QualityIssue(name(), rule, message, start, end, suggestion, "error", strings(args));
    }

    default QualityIssue warning(String rule, String message, int start, int end, String suggestion, Object... args) {
        return new QualityIssue(name(), rule, message, start, end, suggestion, "warning", strings(args));
    }

    /** The values a message names, as its translations ({@code check.<checker>.<rule>}) receive them. */
    private static List<String> strings(Object... args) {
        return Arrays.stream(args).map(String::valueOf).toList();
    }
}
