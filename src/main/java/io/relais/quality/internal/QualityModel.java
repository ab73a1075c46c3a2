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

/**
 * A fitted linear estimate of a segment's sentence chrF (0-100) from its {@link SegmentFeatures}, with the threshold
 * chosen for its language. Written by {@code ./relais calibrate} to {@code quality/model-<lang>.properties}.
 */
public record QualityModel(String lang, double intercept, Map<String, Double> weights, double threshold) {

    public double score(Map<String, Double> features) {
        double score = intercept;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            score += w.getValue() * features.getOrDefault(w.getKey(), 0.0);
        }
        return Math.max(0, Math.min(100, score));
    }

    /** The model shipped for a language, if one was fitted. */
    public static Optional<QualityModel> load(String lang) {
        try (InputStream in = QualityModel.class.getResourceAsStream("/quality/model-" + lang + ".properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(in);
            Map<String, Double> weights = new LinkedHashMap<>();
            for (String name : SegmentFeatures.NAMES) {
                String value = p.getProperty("weight." + name);
                if (value != null) {
                    weights.put(name, Double.parseDouble(value));
                }
            }
            return Optional.of(new QualityModel(lang, Double.parseDouble(p.getProperty("intercept")), weights,
                    Double.parseDouble(p.getProperty("threshold"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Writer out, String comment) throws IOException {
        out.write(comment.lines().map(l -> "# " + l + "\n").reduce("", String::concat));
        out.write(String.format(Locale.ROOT, "intercept=%.6f%nthreshold=%.2f%n", intercept, threshold));
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            out.write(String.format(Locale.ROOT, "weight.%s=%.6f%n", w.getKey(), w.getValue()));
        }
    }
}
