package io.relais.quality;

import java.util.List;

/**
 * A segment checked on demand: its issues (open, dismissed and the corrections already made) and its estimate
 * explained, all computed on the text whose fingerprint it carries.
 */
public record SegmentReport(String fingerprint, List<SegmentIssue> issues, SegmentEstimateView estimate) {

    public SegmentReport {
        issues = List.copyOf(issues);
    }

    /** The issues to show: not dismissed, not a correction already made. */
    public List<SegmentIssue> open() {
        return issues.stream().filter(SegmentIssue::open).toList();
    }

    public List<SegmentIssue> corrected() {
        return issues.stream().filter(i -> i.kind() == SegmentIssue.Kind.CORRECTED).toList();
    }

    public List<SegmentIssue> dismissed() {
        return issues.stream().filter(i -> i.dismissed() != null).toList();
    }

    /** Whether an open issue keeps the segment from passing. */
    public boolean blocked() {
        return open().stream().anyMatch(SegmentIssue::blocking);
    }
}
