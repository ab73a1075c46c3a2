package io.relais.quality.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.relais.quality.QualityIssue;

/** Checks a segment and estimates its quality with its language's fitted model. */
public class SegmentEstimator {

    /** A segment's issues, features and estimated sentence chrF (NaN when its language has no fitted model). */
    public record Estimate(List<QualityIssue> issues, Map<String, Double> features, double score,
                           List<String> reasons) {
    }

    private final SegmentChecks checks;
    private final Map<String, Optional<QualityModel>> models = new ConcurrentHashMap<>();

    public SegmentEstimator(SegmentChecks checks) {
        this.checks = checks;
    }

    public Estimate estimate(CheckedSegment segment) {
        List<QualityIssue> issues = checks.run(segment);
        Map<String, Double> features = SegmentFeatures.of(segment, issues);
        Optional<QualityModel> model = model(segment.lang());
        double score = model.map(m -> m.score(features)).orElse(Double.NaN);
        return new Estimate(issues, features, score, model.map(m -> reasons(m, features)).orElse(List.of()));
    }

    /** The features that cost the most points (more than one each), worst first, e.g. “lt spelling -6.2”. */
    static List<String> reasons(QualityModel model, Map<String, Double> features) {
        return model.weights().entrySet().stream()
                .map(w -> Map.entry(w.getKey(), w.getValue() * features.getOrDefault(w.getKey(), 0.0)))
                .filter(c -> c.getValue() < -1)
                .sorted(Map.Entry.comparingByValue())
                .limit(3)
                .map(c -> c.getKey().replace('_', ' ') + String.format(java.util.Locale.ROOT, " %.1f", c.getValue()))
                .toList();
    }

    public Optional<QualityModel> model(String lang) {
        return models.computeIfAbsent(lang, QualityModel::load);
    }
}
