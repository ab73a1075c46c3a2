package io.relais.bench.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.relais.quality.internal.ChrF;
import io.relais.terminology.GlossarySeed;
import io.relais.engine.MarksPerWordScorer;
import io.relais.engine.RouteChoice;
import io.relais.engine.finishing.SafeCorrections;
import io.relais.engine.finishing.TargetFinishing;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedSegment;
import io.relais.engine.TranslatedText;
import io.relais.engine.Translator;
import io.relais.engine.apertium.ApertiumEngine;

/**
 * {@code ./relais eval}: translates a line-aligned test set (FLORES-200 devtest by default) and prints, per language
 * and candidate route, chrF and BLEU of raw Apertium and of Relais after each step, with words/second:
 * <ol>
 * <li><b>raw</b>: the text sent to Apertium as it is;</li>
 * <li><b>relais</b>: numbers written the target's way, the seed glossary applied with names kept as formatting (the
 * service before issue #8);</li>
 * <li><b>+finish</b>: then the target's typography and the safe LanguageTool corrections of
 * {@code relais.translate.finishing.rules};</li>
 * <li><b>+names</b>: then names (glossary terms, runs of capitalised words) kept as placeholder words;</li>
 * <li><b>choice</b> (one row per language with several candidate routes): the service's translator, each sentence
 * translated along every candidate in parallel and the best-scored kept (scorer: the service's,
 * {@code relais.translate.route-choice.scorer}; {@code --scorer estimate}: the fitted quality estimate, with the round
 * trip when it is on; {@code --scorer marks}: unknown-word marks).</li>
 * </ol>
 * <pre>
 * ./relais eval [--limit 200] [--lang en]             every default language (or one)
 * ./relais eval --route fr>es --source a.fr --reference a.es
 * ./relais eval --rules true [--limit 300]            the effect on chrF of each candidate LanguageTool rule
 * </pre>
 */
public final class EvalCommand {

    static final Map<String, String> FLORES = Map.of("fr", "fra", "es", "spa", "ca", "cat", "en", "eng", "it", "ita",
            "pt", "por", "de", "deu", "gl", "glg", "oc", "oci", "eo", "epo");

    /** Routes measured beside the configured ones (and chosen between), whether the service uses them or not. */
    static final Map<String, String> ALTERNATIVES = Map.of("en", "fr>es>en,fr>ca>en", "it", "fr>ca>it,fr>es>it",
            "pt", "fr>ca>pt,fr>es>pt");

    public record Result(String route, int sentences, int words, double chrF, double bleu, double wordsPerSecond,
                         double unknownShare) {
    }

    /** One pass over the test set: the translations, how long they took and the words and unknown words. */
    record Pass(List<String> hypotheses, double seconds, int words, int unknown) {

        double wordsPerSecond() {
            return words / Math.max(seconds, 1e-9);
        }
    }

    public static void main(String[] args) throws IOException {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Map<String, String> options = options(args);
        Path flores = Path.of(options.getOrDefault("flores", "../shared/eval/flores200"));
        int limit = Integer.parseInt(options.getOrDefault("limit", String.valueOf(Integer.MAX_VALUE)));
        Map<String, Object> translate = translateSettings();
        Map<String, List<String>> candidates = candidates(translate, options);
        // the corrections read from the quality check's LanguageTool run, as in the service
        io.relais.quality.LanguageQualityChecker languageTool = new io.relais.quality.LanguageQualityChecker();
        TargetFinishing finishing = new TargetFinishing(true,
                new SafeCorrections(finishingRules(translate), languageTool::asCorrectionSource));
        try (ApertiumEngine engine = new ApertiumEngine(Path.of(options.getOrDefault("modes", "/usr/share/apertium/modes")),
                Map.of(), Duration.ofSeconds(60))) {
            engine.useGlossary(GlossarySeed::termsFor);
            if (!"marks".equals(options.getOrDefault("scorer", routeChoiceScorer(translate)))) {
                // the fitted estimate, with the round trip when it is on (back along the same engine's
                // pipelines), and the margin of relais.translate.route-choice.margin
                io.relais.quality.internal.RoundTrip roundTrip = new io.relais.quality.internal.RoundTrip(engine,
                        roundTripRoutes());
                RouteChoice.Scoring calibrated = new RouteChoice.Scoring(new io.relais.quality.internal.CalibratedSegmentScorer(
                        new io.relais.quality.internal.SegmentEstimator(io.relais.quality.internal.SegmentChecks.standard(
                                languageTool), roundTrip), GlossarySeed::termsFor),
                        Double.parseDouble(options.getOrDefault("margin", String.valueOf(margin(translate)))));
                scoring = () -> calibrated;
            }
            if (options.containsKey("rules")) {
                measureRules(engine, candidates, flores, limit, finishing);
                return;
            }
            System.out.printf(Locale.ROOT, "%-4s %-9s %6s | %11s | %11s | %11s | %11s | %8s %7s%n", "lang", "route",
                    "words", "raw", "relais", "+finish", "+names", "words/s", "unknown");
            System.out.printf(Locale.ROOT, "%-4s %-9s %6s | %11s | %11s | %11s | %11s | %8s %7s%n", "", "", "",
                    "chrF  BLEU", "chrF  BLEU", "chrF  BLEU", "chrF  BLEU", "", "");
            for (Map.Entry<String, List<String>> language : candidates.entrySet()) {
                String lang = language.getKey();
                Path sourceFile = Path.of(options.getOrDefault("source", flores.resolve("devtest.fra").toString()));
                Path referenceFile = Path.of(options.getOrDefault("reference",
                        flores.resolve("devtest." + code(lang)).toString()));
                for (Path needed : List.of(sourceFile, referenceFile)) {
                    if (!Files.isRegularFile(needed)) {
                        System.err.printf(Locale.ROOT, """
                                relais eval: no test set at %s
                                  Put FLORES-200 devtest files (one sentence per line, devtest.fra_Latn, devtest.spa_Latn, ...)
                                  in %s (the default: ../shared/eval/flores200 beside the checkout), or choose them with
                                  --flores DIR, or give a line-aligned pair with --source FILE --reference FILE.%n""",
                                needed.toAbsolutePath().normalize(), flores.toAbsolutePath().normalize());
                        System.exit(2);
                    }
                }
                List<String> source = read(sourceFile, limit);
                List<String> reference = read(referenceFile, limit);
                if (source.isEmpty() && reference.isEmpty()) {
                    continue;
                }
                if (source.size() != reference.size()) {
                    throw new IllegalArgumentException("the source has " + source.size() + " lines, the reference "
                            + reference.size());
                }
                double best = -1;
                for (String route : language.getValue()) {
                    best = Math.max(best, evaluateSteps(engine, finishing, lang, route, source, reference));
                }
                if (language.getValue().size() > 1) {
                    evaluateChoice(engine, finishing, lang, language.getValue(), source, reference, best);
                }
            }
        }
    }

    /** Prints the row of one route; returns its chrF after the last step. */
    private static double evaluateSteps(ApertiumEngine engine, TargetFinishing finishing, String lang, String route,
                                        List<String> source, List<String> reference) {
        List<String> hops = List.of(route.split(">"));
        engine.raw(true);
        Pass raw = pass(engine, hops, source);
        engine.raw(false);
        engine.keepNamesAsWords(false);
        Pass relais = pass(engine, hops, source);
        Pass finished = finish(relais, finishing, lang, source);
        engine.keepNamesAsWords(true);
        Pass names = finish(pass(engine, hops, source), finishing, lang, source);
        System.out.printf(Locale.ROOT, "%-4s %-9s %6d | %5.1f %5.1f | %5.1f %5.1f | %5.1f %5.1f | %5.1f %5.1f | %8.0f %6.1f%%%n",
                lang, route, relais.words, ChrF.corpus(raw.hypotheses, reference), Bleu.corpus(raw.hypotheses, reference),
                ChrF.corpus(relais.hypotheses, reference), Bleu.corpus(relais.hypotheses, reference),
                ChrF.corpus(finished.hypotheses, reference), Bleu.corpus(finished.hypotheses, reference),
                ChrF.corpus(names.hypotheses, reference), Bleu.corpus(names.hypotheses, reference),
                names.wordsPerSecond(), 100.0 * names.unknown / Math.max(1, names.words));
        return ChrF.corpus(names.hypotheses, reference);
    }

    /** How the choice rows score candidates: the quality module's scorer, or {@code --scorer marks}: unknown-word marks. */
    static java.util.function.Supplier<RouteChoice.Scoring> scoring = RouteChoice::byMarks;

    /** The service's translator choosing a route per sentence, with every step on. */
    private static void evaluateChoice(ApertiumEngine engine, TargetFinishing finishing, String lang, List<String> routes,
                                       List<String> source, List<String> reference, double bestSingle) {
        Map<String, String> main = Map.of(lang, routes.get(0));
        Map<String, Map<String, double[]>> scored = new java.util.concurrent.ConcurrentHashMap<>();
        try (ApertiumEngine choosing = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), main, Duration.ofSeconds(60));
             RouteChoice choice = new RouteChoice(recording(scored), Runtime.getRuntime().availableProcessors())) {
            choosing.useGlossary(GlossarySeed::termsFor);
            choosing.useCandidates(Map.of(lang, routes));
            Translator translator = new Translator(List.of(choosing), null, false, List.of(lang));
            translator.chooseRoutesWith(choice);
            translator.finishWith(finishing);
            translator.translate("Bonjour.", TextFormat.PLAIN, lang);   // start the pipelines outside the timing
            List<String> hypotheses = new ArrayList<>();
            Map<String, Integer> won = new TreeMap<>();
            int words = 0;
            int unknown = 0;
            long start = System.nanoTime();
            for (String line : source) {
                TranslatedText t = translator.translate(line, TextFormat.PLAIN, lang);
                hypotheses.add(t.text());
                words += t.wordCount();
                unknown += t.unknownWords();
                for (TranslatedSegment part : t.parts()) {
                    won.merge(part.route(), 1, Integer::sum);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double chrF = ChrF.corpus(hypotheses, reference);
            System.out.printf(Locale.ROOT, "%-4s %-9s %6d | %11s | %11s | %11s | %5.1f %5.1f | %8.0f %6.1f%%   %+.2f chrF over the"
                            + " best single route; sentences won: %s%n", lang, "choice", words, "", "", "", chrF,
                    Bleu.corpus(hypotheses, reference), words / seconds, 100.0 * unknown / Math.max(1, words),
                    chrF - bestSingle, won);
            System.out.print(margins(scored, routes, source, reference));
        }
    }

    /**
     * The scoring, recording every candidate's score and chrF against the reference (by source sentence and route), to
     * print what other margins would have chosen.
     */
    private static java.util.function.Supplier<RouteChoice.Scoring> recording(Map<String, Map<String, double[]>> scored) {
        return () -> {
            RouteChoice.Scoring s = scoring.get();
            return new RouteChoice.Scoring((segment, target) -> {
                double score = s.scorer().score(segment, target);
                scored.computeIfAbsent(segment.source(), k -> new java.util.concurrent.ConcurrentHashMap<>())
                        .put(segment.route(), new double[] {score});
                texts.put(segment.source() + '\n' + segment.route(), segment.target());
                return score;
            }, s.margin());
        };
    }

    private static final Map<String, String> texts = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Corpus chrF of the choice had another route been kept only when it scores more than m points above the
     * configured one, on the first and the second half of the set (candidates before finishing).
     */
    private static String margins(Map<String, Map<String, double[]>> scored, List<String> routes, List<String> source,
                                  List<String> reference) {
        StringBuilder out = new StringBuilder();
        int half = source.size() / 2;
        for (double m : new double[] {0, 1, 2, 3, 5, 8, Double.POSITIVE_INFINITY}) {
            List<String> picked = new ArrayList<>();
            int other = 0;
            for (String line : source) {
                Map<String, double[]> byRoute = scored.getOrDefault(line, Map.of());
                String keep = routes.get(0);
                double base = byRoute.containsKey(keep) ? byRoute.get(keep)[0] : Double.NaN;
                for (String r : routes.subList(1, routes.size())) {
                    if (byRoute.containsKey(r) && byRoute.get(r)[0] - base > m
                            && (keep.equals(routes.get(0)) || byRoute.get(r)[0] > byRoute.get(keep)[0])) {
                        keep = r;
                    }
                }
                other += keep.equals(routes.get(0)) ? 0 : 1;
                picked.add(texts.getOrDefault(line + '\n' + keep, texts.getOrDefault(line + '\n' + routes.get(0), "")));
            }
            out.append(String.format(Locale.ROOT, "     margin %-4s: chrF %.2f (first half %.2f, second half %.2f), %d sentences"
                    + " from another route%n", Double.isInfinite(m) ? "none" : String.valueOf((int) m),
                    ChrF.corpus(picked, reference), ChrF.corpus(picked.subList(0, half), reference.subList(0, half)),
                    ChrF.corpus(picked.subList(half, picked.size()), reference.subList(half, reference.size())), other));
        }
        return out.toString();
    }

    private static Pass pass(ApertiumEngine engine, List<String> hops, List<String> source) {
        engine.translateRoute("Bonjour.", TextFormat.PLAIN, hops);   // start the pipelines outside the timing
        List<String> hypotheses = new ArrayList<>(source.size());
        int words = 0;
        int unknown = 0;
        long start = System.nanoTime();
        for (String line : source) {
            TranslatedText t = engine.translateRoute(line, TextFormat.PLAIN, hops);
            hypotheses.add(t.text());
            words += t.wordCount();
            unknown += t.unknownWords();
        }
        return new Pass(hypotheses, (System.nanoTime() - start) / 1e9, words, unknown);
    }

    /**
     * The pass's translations of {@code french}, line by line, finished as the service finishes them; its time
     * includes the finishing's.
     */
    private static Pass finish(Pass pass, TargetFinishing finishing, String lang, List<String> french) {
        finishing.finish("Bonjour.", TextFormat.PLAIN, lang);   // load LanguageTool outside the timing
        long start = System.nanoTime();
        List<String> finished = new ArrayList<>(pass.hypotheses.size());
        for (int i = 0; i < pass.hypotheses.size(); i++) {
            finished.add(finishing.finish(pass.hypotheses.get(i), TextFormat.PLAIN, lang, french.get(i)).text());
        }
        return new Pass(finished, pass.seconds + (System.nanoTime() - start) / 1e9, pass.words, pass.unknown);
    }

    /**
     * For each language, every LanguageTool rule (spelling rules excepted) that offers exactly one replacement on the
     * translations of the default route: how often it fires and how much chrF changes when only its replacements
     * are made. A rule is worth keeping when it does not lower chrF.
     */
    private static void measureRules(ApertiumEngine engine, Map<String, List<String>> candidates, Path flores, int limit,
                                     TargetFinishing finishing) throws IOException {
        SafeCorrections all = new SafeCorrections(Map.of());
        List<String> source = read(flores.resolve("devtest.fra"), limit);
        TargetFinishing typographyOnly = new TargetFinishing(true, new SafeCorrections(Map.of()));
        System.out.printf(Locale.ROOT, "%-4s %-40s %7s %8s %7s%n", "lang", "rule", "matches", "chrF +/-", "keep");
        for (Map.Entry<String, List<String>> language : candidates.entrySet()) {
            String lang = language.getKey();
            List<String> reference = read(flores.resolve("devtest." + code(lang)), limit);
            engine.keepNamesAsWords(true);
            List<String> hypotheses = finish(pass(engine, List.of(language.getValue().get(0).split(">")), source),
                    typographyOnly, lang, source).hypotheses;
            double base = ChrF.corpus(hypotheses, reference);
            Map<String, List<List<SafeCorrections.Match>>> byRule = new TreeMap<>();
            List<List<SafeCorrections.Match>> matches = new ArrayList<>();
            for (String h : hypotheses) {
                matches.add(all.matches(h, lang, null));
            }
            matches.stream().flatMap(List::stream).map(SafeCorrections.Match::rule).distinct()
                    .forEach(rule -> byRule.put(rule, new ArrayList<>()));
            List<String> kept = new ArrayList<>();
            List<Map.Entry<String, double[]>> rows = new ArrayList<>();
            for (String rule : byRule.keySet()) {
                List<String> corrected = new ArrayList<>();
                int count = 0;
                for (int i = 0; i < hypotheses.size(); i++) {
                    List<SafeCorrections.Match> ofRule = matches.get(i).stream().filter(m -> m.rule().equals(rule)).toList();
                    count += ofRule.size();
                    corrected.add(SafeCorrections.applyMatches(hypotheses.get(i), ofRule, c -> { }));
                }
                rows.add(Map.entry(rule, new double[] {count, ChrF.corpus(corrected, reference) - base}));
            }
            rows.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[1]));
            for (Map.Entry<String, double[]> row : rows) {
                boolean keep = row.getValue()[1] >= 0 && row.getValue()[0] >= 2;
                if (keep) {
                    kept.add(row.getKey());
                }
                System.out.printf(Locale.ROOT, "%-4s %-40s %7.0f %+8.3f %7s%n", lang, row.getKey(), row.getValue()[0],
                        row.getValue()[1], keep ? "yes" : "no");
            }
            System.out.printf(Locale.ROOT, "%s: base chrF %.2f; relais.translate.finishing.rules.%s: %s%n%n", lang, base,
                    lang, String.join(",", kept));
        }
    }

    /** relais.translate.route-choice.scorer of application.yml ({@code marks} when absent). */
    static String routeChoiceScorer(Map<String, Object> translate) {
        Object choice = translate.get("route-choice");
        Object scorer = choice instanceof Map<?, ?> m ? m.get("scorer") : null;
        return scorer == null ? "marks" : scorer.toString();
    }

    /** relais.translate.route-choice.margin of application.yml (0 when absent). */
    @SuppressWarnings("unchecked")
    static double margin(Map<String, Object> translate) {
        Object choice = translate.get("route-choice");
        Object margin = choice instanceof Map<?, ?> m ? m.get("margin") : null;
        return margin == null ? 0 : Double.parseDouble(margin.toString());
    }

    /** relais.quality.round-trip.routes of application.yml over the built-in defaults (none when it is off). */
    static Map<String, List<String>> roundTripRoutes() throws IOException {
        return Boolean.FALSE.equals(roundTripSettings().get("enabled")) ? Map.of() : configuredRoundTripRoutes();
    }

    /** relais.quality.round-trip.routes of application.yml over the built-in defaults, whether it is on or off. */
    @SuppressWarnings("unchecked")
    public static Map<String, List<String>> configuredRoundTripRoutes() throws IOException {
        return new io.relais.quality.QualitySettings.RoundTrip(true,
                (Map<String, String>) roundTripSettings().get("routes")).routeLists();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> roundTripSettings() throws IOException {
        try (InputStream in = EvalCommand.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> quality = (Map<String, Object>) ((Map<String, Object>) yaml.get("relais")).get("quality");
            return (Map<String, Object>) quality.getOrDefault("round-trip", Map.of());
        }
    }

    /** The translate section of application.yml, the one place routes and finishing rules are configured. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> translateSettings() throws IOException {
        try (InputStream in = EvalCommand.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> relais = (Map<String, Object>) yaml.get("relais");
            return (Map<String, Object>) relais.get("translate");
        }
    }

    /** Per language, the routes to measure: the configured route first, then the other candidates. */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> candidates(Map<String, Object> translate, Map<String, String> options) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (options.containsKey("route")) {
            List<String> hops = List.of(options.get("route").split(">"));
            out.put(hops.get(hops.size() - 1), List.of(options.get("route")));
            return out;
        }
        Map<String, String> routes = (Map<String, String>) translate.get("routes");
        Map<String, String> more = new LinkedHashMap<>(ALTERNATIVES);
        more.putAll((Map<String, String>) translate.getOrDefault("candidates", Map.of()));
        routes.forEach((lang, route) -> {
            if (options.containsKey("lang") && !options.get("lang").equals(lang)) {
                return;
            }
            List<String> list = new ArrayList<>(List.of(route));
            if (more.containsKey(lang)) {
                for (String r : more.get(lang).split(",")) {
                    if (!list.contains(r.strip())) {
                        list.add(r.strip());
                    }
                }
            }
            out.put(lang, list);
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, List<String>> finishingRules(Map<String, Object> translate) {
        Map<String, Object> finishing = (Map<String, Object>) translate.getOrDefault("finishing", Map.of());
        Map<String, Object> rules = (Map<String, Object>) finishing.getOrDefault("rules", Map.of());
        Map<String, List<String>> out = new LinkedHashMap<>();
        rules.forEach((lang, ids) -> out.put(lang, ids == null ? List.of() : List.of(ids.toString().split(","))));
        return out;
    }

    /** Kept for the benchmark: translates each line along the hops and scores the result. */
    public static Result evaluate(ApertiumEngine engine, List<String> hops, List<String> source, List<String> reference) {
        Pass p = pass(engine, hops, source);
        return new Result(String.join(">", hops), source.size(), p.words, ChrF.corpus(p.hypotheses, reference),
                Bleu.corpus(p.hypotheses, reference), p.wordsPerSecond(), p.words == 0 ? 0 : (double) p.unknown / p.words);
    }

    private static String code(String lang) {
        return FLORES.getOrDefault(lang, lang);
    }

    static List<String> read(Path file, int limit) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(0, Math.min(limit, lines.size()));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: eval [--lang en] [--route fr>es] [--limit N] [--rules true]"
                        + " [--source F --reference F] [--flores DIR] [--modes DIR]; got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
