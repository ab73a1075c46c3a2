package io.relais.quality.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A fitted estimate of a segment's quality (0-100) from its features ({@link SegmentFeatures}, {@link RoundTrip}),
 * with the threshold chosen for its language. Written by {@code ./relais calibrate} to
 * {@code quality/model-<lang>.properties}. {@code link} says what the score is: {@code identity}, an estimate of the
 * sentence's chrF (a linear model); {@code logistic}, 100 times the estimated probability that the sentence is
 * acceptable (a logistic model).
 */
public record QualityModel(String lang, double intercept, Map<String, Double> weights, double threshold, String link) {

    public static final String IDENTITY = "identity";
    public static final String LOGISTIC = "logistic";

    public QualityModel {
        link = link == null ? IDENTITY : link;
        if (!link.equals(IDENTITY) && !link.equals(LOGISTIC)) {
            throw new IllegalArgumentException("a quality model's link is identity or logistic, not " + link);
        }
    }

    public QualityModel(String lang, double intercept, Map<String, Double> weights, double threshold) {
        this(lang, intercept, weights, threshold, IDENTITY);
    }

    public double score(Map<String, Double> features) {
        double z = intercept;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            z += w.getValue() * features.getOrDefault(w.getKey(), 0.0);
        }
        double score = link.equals(LOGISTIC) ? 100 / (1 + Math.exp(-z)) : z;
        return Math.max(0, Math.min(100, score));
    }

    /** Whether the model weighs round-trip features (then a segment without them cannot be scored). */
    public boolean usesRoundTrip() {
        return weights.keySet().stream().anyMatch(RoundTrip.NAMES::contains);
    }

    /** The model shipped for a language, fitted on the checks alone, if one was fitted. */
    public static Optional<QualityModel> load(String lang) {
        return load(lang, false);
    }

    /**
     * The model shipped for a language: {@code quality/model-<lang>.properties} (the checks alone) or, with the round
     * trip on, {@code quality/model-<lang>-round-trip.properties} (the checks and the round-trip features), if fitted.
     */
    public static Optional<QualityModel> load(String lang, boolean roundTrip) {
        return load("/quality/model-" + lang + (roundTrip ? "-round-trip" : "") + ".properties", lang);
    }

    private static Optional<QualityModel> load(String resource, String lang) {
        try (InputStream in = QualityModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(in);
            Map<String, Double> weights = new LinkedHashMap<>();
            new TreeMap<>(p).forEach((key, value) -> {
                if (key.toString().startsWith("weight.")) {
                    weights.put(key.toString().substring("weight.".length()), Double.parseDouble(value.toString()));
                }
            });
            return Optional.of(new QualityModel(lang, Double.parseDouble(p.getProperty("intercept")), weights,
                    Double.parseDouble(p.getProperty("threshold")), p.getProperty("link", IDENTITY)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Writer out, String comment) throws IOException {
        out.write(comment.lines().map(l -> "# " + l + "\n").reduce("", String::concat));
        out.write(String.format(Locale.ROOT, "link=%s%nintercept=%.6f%nthreshold=%.2f%n", link, intercept, threshold));
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            out.write(String.format(Locale.ROOT, "weight.%s=%.6f%n", w.getKey(), w.getValue()));
        }
    }
}
