package io.relais.engine.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relais.translate.*}: the Apertium route per language (and candidate routes chosen per segment) and where
 * its modes are, the target-language finishing, the translation memory,
 * segmentation, the remote engines ({@code engines.<name>}, none by default; keys from the environment) and per
 * language the engines to try in order ({@code chain.<lang>}, comma-separated names).
 */
@ConfigurationProperties("relais.translate")
public record EngineSettings(
        @DefaultValue Apertium apertium,
        @DefaultValue Memory memory,
        @DefaultValue("paragraph") String segmentation,
        Map<String, String> routes,
        Map<String, String> candidates,
        Map<String, String> chain,
        Map<String, Engine> engines,
        @DefaultValue Finishing finishing,
        @DefaultValue RouteChoiceSettings routeChoice) {

    public EngineSettings {
        if (!segmentation.equals("paragraph") && !segmentation.equals("sentence")) {
            throw new IllegalArgumentException("relais.translate.segmentation is paragraph or sentence, not " + segmentation);
        }
        routes = routes == null ? Map.of() : Map.copyOf(routes);
        candidates = candidates == null ? Map.of() : Map.copyOf(candidates);
        chain = chain == null ? Map.of() : Map.copyOf(chain);
        engines = engines == null ? Map.of() : Map.copyOf(engines);
    }

    /** {@code modesDir}: the installed Apertium modes; {@code timeout}: longest wait before a pipeline is restarted. */
    public record Apertium(@DefaultValue("/usr/share/apertium/modes") Path modesDir,
                           @DefaultValue("60s") Duration timeout) {
    }

    public record Memory(@DefaultValue("true") boolean enabled) {
    }

    /**
     * Target-language finishing: typography of each target ({@code typography}) and LanguageTool's safe corrections
     * ({@code rules.<lang>}: rule ids, comma-separated).
     */
    public record Finishing(@DefaultValue("true") boolean typography, Map<String, String> rules) {

        public Map<String, List<String>> ruleIds() {
            return split(rules);
        }
    }

    /**
     * How candidate routes are scored ({@code route-choice.scorer}): {@code marks}, the engine's unknown-word marks
     * (no LanguageTool run per candidate; +0.38 chrF for en on FLORES), or {@code estimate}, the quality module's
     * fitted estimate (LanguageTool and the checks on every candidate; +0.4 with the round trip on, +0.03 without);
     * with {@code estimate}, how many points another route must score above the configured one to replace it
     * ({@code route-choice.margin}); the marks keep their own measured margin.
     */
    public record RouteChoiceSettings(@DefaultValue("marks") RouteScorer scorer, @DefaultValue("0") double margin) {

        public boolean byEstimate() {
            return scorer == RouteScorer.ESTIMATE;
        }
    }

    /** {@code relais.translate.route-choice.scorer}: {@code marks} or {@code estimate}. */
    public enum RouteScorer {
        MARKS, ESTIMATE
    }
    /**
     * A remote engine: {@code type} is {@code libretranslate}, {@code deepl} or {@code openai}; {@code languages} the
     * targets it serves; {@code timeout} and {@code maxAttempts} override the HTTP defaults.
     */
    public record Engine(String type, String url, String apiKey, String model, List<String> languages,
                         Map<String, String> glossaryIds, Duration timeout, Integer maxAttempts) {
    }

    /** Per language, the engines to try in order. */
    public Map<String, List<String>> chains() {
        return split(chain);
    }

    /** Per language, the Apertium routes tried segment by segment ({@code candidates.<lang>}, e.g. fr>es>en,fr>ca>en). */
    public Map<String, List<String>> candidateRoutes() {
        return split(candidates);
    }

    private static Map<String, List<String>> split(Map<String, String> commaSeparated) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (commaSeparated != null) {
            commaSeparated.forEach((key, list) -> out.put(key, List.of(list.split(","))));
        }
        return out;
    }
}
