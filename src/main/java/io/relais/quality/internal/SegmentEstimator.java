package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.relais.quality.QualityIssue;

/** Checks a segment, translates it back (the round trip) and estimates its quality with its language's fitted model. */
public class SegmentEstimator {

    /** A segment's issues, features and estimated quality (NaN when it cannot be estimated), and what lowered it. */
    public record Estimate(List<QualityIssue> issues, Map<String, Double> features, double score,
                           List<String> reasons) {
    }

    private final SegmentChecks checks;
    private final RoundTrip roundTrip;
    /** Whether the round trip is part of the estimate ({@code relais.quality.round-trip.enabled}). */
    private final boolean inEstimate;
    private final Map<String, Optional<QualityModel>> models = new ConcurrentHashMap<>();
    private final Map<String, Optional<QualityModel>> checksOnly = new ConcurrentHashMap<>();

    /** Without the round trip: each language's model fitted on the checks alone. */
    public SegmentEstimator(SegmentChecks checks) {
        this(checks, null);
    }

    /**
     * @param roundTrip the round-trip check, or null when it is off ({@code relais.quality.round-trip.enabled}); a
     *                  language it covers is estimated with its round-trip model, the others with their checks-only one
     */
    public SegmentEstimator(SegmentChecks checks, RoundTrip roundTrip) {
        this(checks, roundTrip, true);
    }

    /**
     * @param roundTrip  the round trip, or null when no engine translates back
     * @param inEstimate whether the estimate uses it ({@code relais.quality.round-trip.enabled}); when it does not,
     *                   it only says, on an editor's request, which French words a segment loses
     *                   ({@link #lostInRoundTrip})
     */
    public SegmentEstimator(SegmentChecks checks, RoundTrip roundTrip, boolean inEstimate) {
        this.checks = checks;
        this.roundTrip = roundTrip;
        this.inEstimate = inEstimate;
    }

    /** Whether the estimate translates each segment back (then the batch can say what the round trip lost). */
    public boolean roundTripInEstimate() {
        return roundTrip != null && inEstimate;
    }

    /** A translation's own estimate: with the round trip, its spelling issues without suggestions (no editor reads them). */
    public Estimate estimate(CheckedSegment segment) {
        return estimate(segment, true, false);
    }

    /**
     * The estimate without the round trip when {@code withRoundTrip} is false (a segment checked as an editor types):
     * the language's checks-only model; the spelling issues with their suggestions when {@code spellingSuggestions}
     * (for an editor; the estimate is the same either way).
     */
    public Estimate estimate(CheckedSegment segment, boolean withRoundTrip, boolean spellingSuggestions) {
        if (!withRoundTrip || !roundTripInEstimate()) {
            List<QualityIssue> issues = checks.run(segment, spellingSuggestions);
            Map<String, Double> features = new LinkedHashMap<>(SegmentFeatures.of(segment, issues));
            Optional<QualityModel> model = checksOnly.computeIfAbsent(segment.lang(), l -> QualityModel.load(l, false));
            if (model.isEmpty() || model.get().usesRoundTrip()) {
                return new Estimate(issues, features, Double.NaN, List.of());
            }
            return new Estimate(issues, features, model.get().score(features), reasons(model.get(), features));
        }
        List<QualityIssue> issues = checks.run(segment, spellingSuggestions);
        Map<String, Double> features = new LinkedHashMap<>(SegmentFeatures.of(segment, issues));
        Optional<QualityModel> model = model(segment.lang());
        boolean needsRoundTrip = model.map(QualityModel::usesRoundTrip).orElse(false);
        Map<String, Double> back = !roundTripInEstimate() || (model.isPresent() && !needsRoundTrip) ? Map.of()
                : roundTrip.features(segment);
        features.putAll(back);
        if (model.isEmpty()) {
            return new Estimate(issues, features, Double.NaN, List.of());
        }
        if (needsRoundTrip && back.isEmpty()) {
            // the back-translation failed (an engine down): the checks alone still estimate the segment
            Optional<QualityModel> fallback = checksOnly.computeIfAbsent(segment.lang(), l -> QualityModel.load(l, false));
            if (fallback.isEmpty() || fallback.get().usesRoundTrip()) {
                return new Estimate(issues, features, Double.NaN, List.of("no back-translation for the round trip"));
            }
            List<String> reasons = new ArrayList<>();
            reasons.add("no back-translation for the round trip: estimated from the checks alone");
            reasons.addAll(reasons(fallback.get(), features));
            return new Estimate(issues, features, fallback.get().score(features), reasons);
        }
        return new Estimate(issues, features, model.get().score(features), reasons(model.get(), features));
    }

    /**
     * What lowered the estimate: how much of the source came back through the round trip, and the problem features
     * that cost the most (worst first, e.g. “lt spelling -6.2”: points of estimated chrF, or of the logistic model's
     * log-odds).
     */
    static List<String> reasons(QualityModel model, Map<String, Double> features) {
        List<String> reasons = new ArrayList<>();
        if (model.usesRoundTrip()) {
            reasons.add(String.format(Locale.ROOT, "round trip: chrF %.0f, %.0f %% of content words back",
                    features.getOrDefault("rt_chrf", 0.0), 100 * features.getOrDefault("rt_content", 0.0)));
        }
        double noticeable = model.link().equals(QualityModel.LOGISTIC) ? -0.2 : -1;
        model.weights().entrySet().stream()
                .filter(w -> !RoundTrip.NAMES.contains(w.getKey()) || w.getKey().equals("rt_unknown"))
                .map(w -> Map.entry(w.getKey(), w.getValue() * features.getOrDefault(w.getKey(), 0.0)))
                .filter(c -> c.getValue() < noticeable)
                .sorted(Map.Entry.comparingByValue())
                .limit(3)
                .map(c -> c.getKey().replace('_', ' ') + String.format(Locale.ROOT, " %.1f", c.getValue()))
                .forEach(reasons::add);
        return reasons;
    }

    /**
     * The French content words no back-translation of the segment brought back (“vol” when the translation lost the
     * flight); none without the round trip.
     */
    public List<String> lostInRoundTrip(CheckedSegment segment) {
        return roundTrip == null ? List.of() : roundTrip.lost(segment);
    }

    public boolean roundTripCovers(String lang) {
        return roundTrip != null && roundTrip.covers(lang);
    }

    public SegmentChecks checks() {
        return checks;
    }

    /**
     * The language's model: fitted with the round trip when it is on and covers the language (the checks-only one if
     * none was fitted with it), fitted on the checks alone otherwise.
     */
    public Optional<QualityModel> model(String lang) {
        return models.computeIfAbsent(lang, l -> roundTripInEstimate() && roundTrip.covers(l)
                ? QualityModel.load(l, true).or(() -> QualityModel.load(l, false)) : QualityModel.load(l, false));
    }
}
