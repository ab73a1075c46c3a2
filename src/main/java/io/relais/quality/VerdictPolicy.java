package io.relais.quality;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether a translation may be published unreviewed: only when every segment passes, that is scores at or above its
 * language's threshold and has no blocking issue. The threshold is the one {@code ./relais calibrate} chose so that
 * at least 90 % of the segments it passes on held-out FLORES sentences are acceptable; {@code
 * relais.quality.thresholds.<lang>} (or {@code relais.quality.auto-approve-threshold} for every language) overrides
 * it. A language without a fitted model and without an override is never auto-approved: nobody knows what its score
 * means.
 */
public class VerdictPolicy {

    private final Map<String, Double> thresholds;
    private final Double everyLanguage;
    private final Function<String, OptionalDouble> fitted;

    public VerdictPolicy(Map<String, Double> thresholds, Double everyLanguage, Function<String, OptionalDouble> fitted) {
        this.thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
        this.everyLanguage = everyLanguage;
        this.fitted = fitted;
    }

    public double threshold(String lang) {
        if (thresholds.containsKey(lang)) {
            return thresholds.get(lang);
        }
        if (everyLanguage != null) {
            return everyLanguage;
        }
        return fitted.apply(lang).orElse(Double.POSITIVE_INFINITY);
    }

    public Verdict judge(List<SegmentEstimate> segments) {
        if (segments.isEmpty()) {
            return new Verdict(0, false, "nothing to judge");
        }
        double lowest = segments.stream().mapToDouble(SegmentEstimate::score).min().orElse(0);
        lowest = Math.round(lowest * 10) / 10.0;
        List<SegmentEstimate> doubtful = segments.stream().filter(SegmentEstimate::doubtful).toList();
        if (doubtful.isEmpty()) {
            return new Verdict(lowest, true, String.format(Locale.ROOT, "all %d segments pass (lowest %.1f, threshold %.1f)",
                    segments.size(), lowest, segments.get(0).threshold()));
        }
        List<SegmentEstimate> explained = doubtful.stream().filter(s -> s.reason() != null).toList();
        String which = explained.stream().limit(3).map(s -> s.field() + (s.field().equals("body") ? " #" + (s.index() + 1)
                : "") + ": " + s.reason()).collect(Collectors.joining("; ")) + (explained.size() > 3 ? "; ..." : "");
        double threshold = segments.get(0).threshold();
        String head = threshold > 100 ? "every translation into this language is reviewed (no threshold is trusted)"
                : doubtful.size() + " of " + segments.size() + " segments doubtful";
        return new Verdict(lowest, false, head + (which.isEmpty() ? "" : " — " + which));
    }
}
