package io.relais.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jsoup.Jsoup;

import io.relais.quality.internal.CheckedSegment;
import io.relais.quality.internal.SegmentEstimator;
import io.relais.engine.finishing.Correction;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedSegment;
import io.relais.engine.TranslatedText;
import io.relais.engine.UnknownMarks;

/**
 * Assesses a translation segment by segment: runs every check (LanguageTool and the named MT checks), estimates each
 * segment's quality with the fitted model, marks the doubtful segments and gives the verdict. A field whose
 * translation has no {@link TranslatedText#parts() parts} is one segment.
 */
public class TranslationQuality {

    public static final String ESTIMATE = "estimate";

    private final SegmentEstimator estimator;
    private final VerdictPolicy policy;
    private final Function<String, Map<String, String>> glossary;

    public TranslationQuality(SegmentEstimator estimator, VerdictPolicy policy,
                              Function<String, Map<String, String>> glossary) {
        this.estimator = estimator;
        this.policy = policy;
        this.glossary = glossary;
    }

    public QualityReport assess(String lang, List<FieldText> fields) {
        double threshold = policy.threshold(lang);
        Map<String, String> terms = glossary.apply(lang);
        List<FieldIssue> issues = new ArrayList<>();
        List<SegmentEstimate> segments = new ArrayList<>();
        for (FieldText field : fields) {
            TranslatedText t = field.translation();
            String fieldText = field.format() == TextFormat.HTML ? Jsoup.parseBodyFragment(t.text()).text() : t.text();
            List<TranslatedSegment> parts = t.parts().isEmpty()
                    ? List.of(new TranslatedSegment(field.source(), t.text(), t.engine(), t.route(),
                    new UnknownMarks(t.unknownWords(), 0, 0), false))
                    : t.parts();
            for (Correction c : t.corrections()) {
                // what the finishing changed, for editors to see (already applied: no suggestion)
                int at = c.replacement() == null || c.replacement().isEmpty() ? -1 : fieldText.indexOf(c.replacement());
                issues.add(new FieldIssue(field.field(), new QualityIssue(Correction.CHECKER, c.rule(), c.message()
                        + " (\"" + c.original() + "\" → \"" + c.replacement() + "\")", at, at < 0 ? -1
                        : at + c.replacement().length(), null, "correction")));
            }
            int cursor = 0;
            for (int i = 0; i < parts.size(); i++) {
                TranslatedSegment part = parts.get(i);
                CheckedSegment segment = CheckedSegment.of(part.source(), part.target(), field.format(), lang,
                        part.route() == null ? t.route() : part.route(), part.marks(), terms);
                if (segment.targetText().isBlank()) {
                    continue;
                }
                SegmentEstimator.Estimate estimate = estimator.estimate(segment);
                int start = place(fieldText, segment.targetText(), cursor);
                cursor = start < 0 ? cursor : start + segment.targetText().length();
                for (QualityIssue issue : estimate.issues()) {
                    issues.add(new FieldIssue(field.field(), start < 0 ? issue.unplaced() : issue.shifted(start)));
                }
                SegmentEstimate judged = judge(field.field(), i, estimate, threshold, start,
                        start < 0 ? -1 : start + segment.targetText().length());
                segments.add(judged);
                if (judged.doubtful()) {
                    issues.add(new FieldIssue(field.field(), new QualityIssue(ESTIMATE, "DOUBTFUL_SEGMENT",
                            "Doubtful segment: " + judged.reason(), judged.start(), judged.end(), null, "doubtful")));
                }
            }
        }
        return new QualityReport(issues, segments, policy.judge(segments));
    }

    private static SegmentEstimate judge(String field, int index, SegmentEstimator.Estimate estimate, double threshold,
                                         int start, int end) {
        double score = Double.isNaN(estimate.score()) ? 0 : Math.round(estimate.score() * 10) / 10.0;
        List<String> blocking = estimate.issues().stream().filter(QualityIssue::blocking)
                .map(i -> i.checker() + " (" + i.ruleId() + ")").distinct().toList();
        List<String> reasons = new ArrayList<>();
        if (Double.isNaN(estimate.score())) {
            reasons.add(estimate.reasons().isEmpty() ? "no fitted quality model for this language"
                    : "no quality estimate: " + String.join(", ", estimate.reasons()));
        } else if (score < threshold) {
            reasons.add(String.format(Locale.ROOT, "estimated quality %.1f below %.1f", score, threshold)
                    + (estimate.reasons().isEmpty() ? "" : " (" + String.join(", ", estimate.reasons()) + ")"));
        }
        reasons.addAll(blocking);
        boolean doubtful = !reasons.isEmpty();
        return new SegmentEstimate(field, index, score, threshold, doubtful, doubtful ? String.join("; ", reasons) : null,
                start, end);
    }

    /** Where the segment's text is in its field's text, searching from the previous segment's end. */
    private static int place(String fieldText, String segmentText, int from) {
        int at = fieldText.indexOf(segmentText, from);
        return at >= 0 ? at : fieldText.indexOf(segmentText);
    }
}
