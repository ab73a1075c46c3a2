package io.relais.quality;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relais.quality.*}.
 *
 * @param variants             LanguageTool variant per language ({@code en: en-GB}); the engine's own by default
 * @param thresholds           per-language segment threshold overriding the fitted one in
 *                             {@code quality/model-<lang>.properties} (on the scale of that model's score)
 * @param autoApproveThreshold one threshold for every language, overriding the fitted ones (unset by default)
 * @param checkersPerLanguage  LanguageTool instances per language at most (each holds its rules in memory); 0, the
 *                             default: the machine's cores shared out over the target languages, at least one
 * @param roundTrip            the round-trip check: each segment translated back into French and compared with its
 *                             source
 */
@ConfigurationProperties("relais.quality")
public record QualitySettings(
        Map<String, String> variants,
        Map<String, Double> thresholds,
        Double autoApproveThreshold,
        @DefaultValue("0") int checkersPerLanguage,
        @DefaultValue RoundTrip roundTrip) {

    public QualitySettings {
        variants = variants == null ? Map.of() : variants;
        thresholds = thresholds == null ? Map.of() : thresholds;
        roundTrip = roundTrip == null ? new RoundTrip(true, null) : roundTrip;
    }

    /**
     * {@code relais.quality.round-trip.*}: {@code enabled} (default true); {@code routes.<lang>}, the reverse routes
     * back into French, comma-separated (several: the features are averaged over them). {@code ./relais calibrate}
     * prints how each reverse route, and their mean, follows sentence chrF; a language's model is fitted with the
     * routes configured here, so changing them means calibrating again.
     */
    public record RoundTrip(@DefaultValue("true") boolean enabled, Map<String, String> routes) {

        /**
         * Two reverse routes per language, one of them through another pivot than the forward route: on FLORES-200
         * devtest their mean follows sentence chrF better than either alone (docs/measurements.md, "Round-trip
         * reverse routes").
         */
        public static final Map<String, String> DEFAULT_ROUTES = Map.of("es", "es>fr,es>pt>ca>fr",
                "ca", "ca>fr,ca>pt>es>fr", "en", "en>es>fr,en>ca>fr", "it", "it>ca>fr,it>es>fr",
                "pt", "pt>ca>fr,pt>es>fr");

        public RoundTrip {
            Map<String, String> merged = new LinkedHashMap<>(DEFAULT_ROUTES);
            if (routes != null) {
                merged.putAll(routes);
            }
            routes = Map.copyOf(merged);
        }

        /** Per language, the reverse routes, e.g. {@code en -> [en>ca>fr]}. */
        public Map<String, List<String>> routeLists() {
            Map<String, List<String>> out = new LinkedHashMap<>();
            routes.forEach((lang, list) -> out.put(lang, Arrays.stream(list.split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList()));
            return out;
        }
    }
}
