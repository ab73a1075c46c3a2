package io.relais.quality;

import java.util.List;

/**
 * The assessment of one translation: every issue found (the MT checks', LanguageTool's, and one {@code estimate}
 * issue per doubtful segment, spanning it), each segment's estimate, and the verdict.
 */
public record QualityReport(List<FieldIssue> issues, List<SegmentEstimate> segments, Verdict verdict) {

    public List<SegmentEstimate> doubtful() {
        return segments.stream().filter(SegmentEstimate::doubtful).toList();
    }
}
