package io.relais.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jsoup.Jsoup;

import io.relais.quality.SegmentEstimateView.Reason;
import io.relais.quality.internal.CheckedSegment;
import io.relais.quality.internal.EstimateReasons;
import io.relais.quality.internal.KeptWords;
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
            int correctionsFrom = 0;
            for (Correction c : t.corrections()) {
                // what the finishing changed, for editors to see as done: placed on the replacement (searched in
                // order, as the corrections were made), the original as the suggestion (applying it undoes it)
                int at = c.replacement() == null || c.replacement().isEmpty() ? -1 : fieldText.indexOf(c.replacement(),
                        correctionsFrom);
                if (at < 0 && c.replacement() != null && !c.replacement().isEmpty()) {
                    at = fieldText.indexOf(c.replacement());
                }
                correctionsFrom = at < 0 ? correctionsFrom : at + c.replacement().length();
                issues.add(new FieldIssue(field.field(), new QualityIssue(Correction.CHECKER, c.rule(), c.message()
                        + " (\"" + c.original() + "\" → \"" + c.replacement() + "\")", at,
                        at < 0 ? -1 : at + c.replacement().length(), c.original(), "correction",
                        List.of(String.valueOf(c.original()), String.valueOf(c.replacement())))));
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
                List<Reason> reasons = reasons(segment, estimate, threshold);
                SegmentEstimate judged = judge(field.field(), i, estimate, reasons, threshold, start,
                        start < 0 ? -1 : start + segment.targetText().length());
                segments.add(judged);
                if (judged.doubtful() && judged.reason() != null) {
                    // the reasons alone, never the segment's text: the workbench shows the message as it is
                    issues.add(new FieldIssue(field.field(), new QualityIssue(ESTIMATE, "DOUBTFUL_SEGMENT",
                            judged.reason(), judged.start(), judged.end(), null, "doubtful",
                            reasons.stream().map(Reason::code).toList())));
                }
            }
        }
        return new QualityReport(issues, segments, policy.judge(segments));
    }

    /** What an editor should know of the segment, in English (stored), as {@link SegmentCheck} says it. */
    private List<Reason> reasons(CheckedSegment segment, SegmentEstimator.Estimate estimate, double threshold) {
        LanguageQualityChecker languageTool = estimator.checks().languageTool();
        List<String> kept = KeptWords.of(segment.sourceText(), segment.targetText(),
                languageTool.variant(segment.lang()), estimator.checks().spellers());
        List<QualityIssue> named = estimate.issues().stream().filter(i -> !i.checker().equals("unknown-words")).toList();
        List<String> lost = estimator.roundTripInEstimate() ? estimator.lostInRoundTrip(segment) : List.of();
        return EstimateReasons.of(named, KeptWords.notNames(kept), lost, estimate.score(),
                threshold, Locale.ENGLISH, EstimateReasons.ENGLISH);
    }

    /**
     * The gate's judgement of a segment: it passes at or above the threshold without a blocking issue. Why it does
     * not is said by its reasons ({@link EstimateReasons}); a segment that only falls short of a threshold above 100
     * (nothing passes in this language) has none: it is reviewed like every other, nothing in it is doubtful.
     */
    private static SegmentEstimate judge(String field, int index, SegmentEstimator.Estimate estimate,
                                         List<Reason> reasons, double threshold, int start, int end) {
        double score = Double.isNaN(estimate.score()) ? 0 : Math.round(estimate.score() * 10) / 10.0;
        boolean blocking = estimate.issues().stream().anyMatch(QualityIssue::blocking);
        boolean doubtful = blocking || Double.isNaN(estimate.score()) || score < threshold;
        List<String> said = new ArrayList<>(reasons.stream().map(Reason::message).toList());
        if (said.isEmpty() && Double.isNaN(estimate.score())) {
            said.add(estimate.reasons().isEmpty() ? "no fitted quality model for this language"
                    : "no quality estimate: " + String.join(", ", estimate.reasons()));
        }
        return new SegmentEstimate(field, index, score, threshold, doubtful,
                doubtful && !said.isEmpty() ? String.join("; ", said) : null, start, end);
    }

    /** Where the segment's text is in its field's text, searching from the previous segment's end. */
    private static int place(String fieldText, String segmentText, int from) {
        int at = fieldText.indexOf(segmentText, from);
        return at >= 0 ? at : fieldText.indexOf(segmentText);
    }
}
