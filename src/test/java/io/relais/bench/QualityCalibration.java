package io.relais.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.relais.quality.LanguageQualityChecker;
import io.relais.quality.QualityIssue;
import io.relais.quality.internal.CheckedSegment;
import io.relais.quality.internal.QualityModel;
import io.relais.quality.internal.RoundTrip;
import io.relais.quality.internal.SegmentChecks;
import io.relais.quality.internal.SegmentFeatures;
import io.relais.engine.BackTranslator;
import io.relais.terminology.GlossarySeed;
import io.relais.engine.finishing.SafeCorrections;
import io.relais.engine.finishing.TargetFinishing;
import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedSegment;
import io.relais.engine.TranslatedText;
import io.relais.engine.UnknownMarks;
import io.relais.engine.apertium.ApertiumEngine;
import io.relais.quality.internal.ChrF;

/**
 * {@code ./relais calibrate}: fits the per-segment quality estimate of each default language on FLORES-200 devtest
 * and chooses its threshold, then reports on held-out sentences.
 * <ol>
 * <li>Translates the French devtest along the language's default route, as the service does (numbers written the
 * target's way, seed glossary, the target's typography), once: translations are cached under {@code target/calibration/}.</li>
 * <li>Runs every check (LanguageTool in the engine's variant, the named MT checks) on each sentence and computes its
 * features; the sentence's chrF against the reference is what the estimate should predict.</li>
 * <li>Fits a ridge linear model on the first half of the set (the devtest is ordered by source article, so the halves
 * share no article); a problem feature whose fitted weight comes out positive is dropped and the fit redone.</li>
 * <li>Chooses the lowest threshold at which, on the first half, at least {@code --fit-precision} of the passed
 * segments are acceptable; reports correlation, precision and recall on the second half.</li>
 * </ol>
 * {@code --write true} writes {@code src/main/resources/quality/model-<lang>.properties} (the checks alone: the
 * service's default) and {@code model-<lang>-round-trip.properties} (with the round-trip features, used when
 * {@code relais.quality.round-trip.enabled} is true).
 */
public final class QualityCalibration {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");

    record Sample(int index, String source, String target, String reference, Map<String, Double> features,
                  boolean blocking, double chrF, double oldScore, List<QualityIssue> issues) {
    }

    public static void main(String[] args) throws IOException {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Map<String, String> o = options(args);
        Path flores = Path.of(o.getOrDefault("flores", "../shared/eval/flores200"));
        if (!Files.isRegularFile(flores.resolve("devtest.fra"))) {
            System.out.println("FLORES-200 devtest not found in " + flores + " (--flores DIR): nothing to calibrate");
            return;
        }
        int limit = Integer.parseInt(o.getOrDefault("limit", "100000"));
        double acceptable = Double.parseDouble(o.getOrDefault("acceptable", "50"));
        boolean write = Boolean.parseBoolean(o.getOrDefault("write", "false"));
        Map<String, String> routes = defaultRoutes();
        List<String> langs = o.containsKey("langs") ? List.of(o.get("langs").split(",")) : new ArrayList<>(routes.keySet());
        List<String> french = read(flores.resolve("devtest.fra"), limit);

        String modelKind = o.getOrDefault("model", "ridge");
        double z = Double.parseDouble(o.getOrDefault("confidence-z", "1.645"));
        // calibrated whether or not the round trip is on by default (its model is written apart)
        Map<String, List<String>> reverseRoutes = io.relais.bench.eval.EvalCommand.configuredRoundTripRoutes();
        boolean probe = Boolean.parseBoolean(o.getOrDefault("probe", "true"));

        LanguageQualityChecker languageTool = new LanguageQualityChecker();
        SegmentChecks checks = SegmentChecks.standard(languageTool);
        StringBuilder table = new StringBuilder();
        StringBuilder tails = new StringBuilder();
        StringBuilder probes = new StringBuilder();
        StringBuilder checkTable = new StringBuilder();
        String spelling = "";
        try (ApertiumEngine engine = new ApertiumEngine(Path.of(o.getOrDefault("modes", "/usr/share/apertium/modes")),
                Map.of(), Duration.ofSeconds(60))) {
            engine.useGlossary(GlossarySeed::termsFor);
            for (String lang : langs) {
                String route = routes.get(lang);
                List<String> reference = read(flores.resolve("devtest." + Flores.code(lang)), limit);
                List<Translated> hyps = translations(engine, route, french, Boolean.parseBoolean(o.getOrDefault("fresh", "false")));
                List<Sample> checkedSamples = checked(lang, route, french, hyps, reference, checks,
                        Boolean.parseBoolean(o.getOrDefault("recheck", "false")));
                if (probe) {
                    probes.append(probeReverseRoutes(engine, lang, route, checkedSamples));
                }
                List<Sample> samples = withRoundTrip(engine, lang, route, checkedSamples, reverseRoutes.get(lang));
                int half = samples.size() / 2;
                List<Sample> fit = samples.subList(0, half);
                List<Sample> report = samples.subList(half, samples.size());
                // the estimate as it was (checks only, linear) beside the new one, fitted on the same half
                QualityModel before = fitModel(lang, fit, SegmentFeatures.NAMES, modelKind, acceptable, z);
                QualityModel model = fitModel(lang, fit, allFeatures(reverseRoutes.containsKey(lang)), modelKind,
                        acceptable, z);
                Stats stats = stats(model, report, acceptable, model.threshold());
                Stats fitStats = stats(model, fit, acceptable, model.threshold());
                Stats old = stats(before, report, acceptable, 101);
                table.append(String.format(Locale.ROOT,
                        "| %s | %s | %s | %d / %d | %.0f %% | %.2f | %.2f | %.1f | %.0f %% (%d of %d) | %s (%d of %d) | %.0f %% |%n",
                        lang, route, String.join(",", reverseRoutes.getOrDefault(lang, List.of("-"))), fit.size(),
                        report.size(), 100 * stats.acceptableShare, old.r, stats.r, model.threshold(),
                        100 * fitStats.precision, fitStats.goodPassed, fitStats.passed, percent(stats.precision),
                        stats.goodPassed, stats.passed, 100 * stats.recall));
                tails.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", lang,
                        precisionAtRecall(before, report, acceptable, 0.10), precisionAtRecall(before, report, acceptable, 0.25),
                        precisionAtRecall(model, report, acceptable, 0.10), precisionAtRecall(model, report, acceptable, 0.25)));
                checkTable.append(checkRates(lang, samples, acceptable));
                if ("en".equals(lang)) {
                    spelling = spellingBeforeAfter(hyps, reference);
                }
                if (write) {
                    // the service's default (round trip off) and the model it uses with the round trip on
                    writeModel(before, route, List.of(), fit.size(), report.size(), acceptable, z,
                            stats(before, report, acceptable, before.threshold()));
                    if (reverseRoutes.containsKey(lang)) {
                        writeModel(model, route, reverseRoutes.get(lang), fit.size(), report.size(), acceptable, z, stats);
                    }
                }
            }
        }
        if (probe) {
            System.out.println("\nRound trip: each reverse route's back-translation against the French source, on all"
                    + " sentences; r = Pearson correlation with the forward translation's sentence chrF against the reference");
            System.out.println("| lang | forward route | reverse route | r (rt chrF) | r (rt content words) | r (rt unknown)"
                    + " | back-translation words/s |");
            System.out.println("|---|---|---|---|---|---|---|");
            System.out.print(probes);
        }
        System.out.printf(Locale.ROOT, "%nFLORES-200 devtest, fit on the first half, reported on the second; acceptable ="
                + " sentence chrF >= %.0f; model: %s; threshold: the lowest at which, on the fit half, the %.3g-sigma"
                + " lower bound (Wilson) of the share of acceptable passed segments is >= 90 %% (10 passed at least)%n%n",
                acceptable, modelKind, z);
        System.out.println("| lang | route | round trip | fit / report | acceptable | r before (checks only) |"
                + " r (score, chrF) | threshold | fit precision | report precision | report recall |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        System.out.print(table);
        System.out.println();
        System.out.println("Best precision on the report half at a given recall (any threshold; for information only)");
        System.out.println("| lang | checks only, 10 % recall | checks only, 25 % recall | with round trip, 10 % recall |"
                + " with round trip, 25 % recall |");
        System.out.println("|---|---|---|---|---|");
        System.out.print(tails);
        System.out.println();
        System.out.println("Checks on all sentences: share of segments flagged, and the share of those that are acceptable");
        System.out.println("| lang | " + String.join(" | ", CHECKERS) + " |");
        System.out.println("|---|" + "---|".repeat(CHECKERS.size()));
        System.out.print(checkTable);
        System.out.println();
        System.out.print(spelling);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }

    /** Reverse routes measured by the probe, whether or not the service uses them. */
    static final Map<String, List<String>> REVERSE_CANDIDATES = Map.of(
            "es", List.of("es>fr", "es>pt>ca>fr"),
            "ca", List.of("ca>fr", "ca>pt>es>fr"),
            "en", List.of("en>es>fr", "en>ca>fr"),
            "it", List.of("it>ca>fr", "it>es>fr"),
            "pt", List.of("pt>ca>fr", "pt>es>fr"));

    static List<String> allFeatures(boolean roundTrip) {
        List<String> names = new ArrayList<>(SegmentFeatures.NAMES);
        if (roundTrip) {
            names.addAll(RoundTrip.NAMES);
        }
        return names;
    }

    /** The back-translations of a forward route's output along one reverse route, cached in target/calibration. */
    static List<BackTranslator.Back> backTranslations(ApertiumEngine engine, String forward, String reverse,
                                                      List<Sample> samples, double[] wordsPerSecond) throws IOException {
        Path cache = Path.of("target/calibration/back-" + forward.replace('>', '-') + "-via-" + reverse.replace('>', '-')
                + ".tsv");
        List<BackTranslator.Back> out = new ArrayList<>();
        if (Files.isRegularFile(cache)) {
            for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
                String[] c = line.split("\t", 2);
                out.add(new BackTranslator.Back(c[1], Integer.parseInt(c[0])));
            }
        }
        if (out.size() >= samples.size()) {
            return out.subList(0, samples.size());
        }
        List<String> hops = List.of(reverse.split(">"));
        engine.translateBack("Bonjour.", List.of(hops.get(0), hops.get(1)));   // one pipeline warm outside the timing
        StringBuilder lines = new StringBuilder();
        long words = 0;
        long start = System.nanoTime();
        for (int i = out.size(); i < samples.size(); i++) {
            BackTranslator.Back back = engine.translateBack(samples.get(i).target(), hops);
            words += io.relais.engine.Words.count(samples.get(i).target());
            out.add(back);
            lines.append(back.unknownWords()).append('\t').append(back.text().replaceAll("[\\t\\n\\r]+", " ")).append('\n');
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        wordsPerSecond[0] = words / Math.max(seconds, 1e-9);
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        System.err.printf(Locale.ROOT, "%s back along %s: %d sentences in %.0f s, %.0f target words/s%n", forward, reverse,
                out.size(), seconds, wordsPerSecond[0]);
        return out;
    }

    /** How well each candidate reverse route's round-trip features follow the forward translation's chrF. */
    static String probeReverseRoutes(ApertiumEngine engine, String lang, String forward, List<Sample> samples)
            throws IOException {
        StringBuilder rows = new StringBuilder();
        double[] chrF = samples.stream().mapToDouble(Sample::chrF).toArray();
        Map<String, double[]> sums = new LinkedHashMap<>();
        int routes = 0;
        for (String reverse : REVERSE_CANDIDATES.getOrDefault(lang, List.of())) {
            if (!engine.canTranslateBack(List.of(reverse.split(">")))) {
                continue;
            }
            double[] speed = {Double.NaN};
            List<BackTranslator.Back> backs = backTranslations(engine, forward, reverse, samples, speed);
            List<Map<String, Double>> f = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                f.add(RoundTrip.compare(samples.get(i).source(), samples.get(i).target(), backs.get(i)));
            }
            rows.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %.2f | %.2f | %s |%n", lang, forward, reverse,
                    pearson(column(f, "rt_chrf"), chrF), pearson(column(f, "rt_content"), chrF),
                    pearson(column(f, "rt_unknown"), chrF),
                    Double.isNaN(speed[0]) ? "(cached)" : String.format(Locale.ROOT, "%.0f", speed[0])));
            for (int i = 0; i < samples.size(); i++) {
                int at = i;
                f.get(i).forEach((name, value) -> sums.computeIfAbsent(name, n -> new double[samples.size()])[at] += value);
            }
            routes++;
        }
        if (routes > 1) {
            rows.append(String.format(Locale.ROOT, "| %s | %s | mean of the %d | %.2f | %.2f | %.2f | |%n", lang, forward,
                    routes, pearson(sums.get("rt_chrf"), chrF), pearson(sums.get("rt_content"), chrF),
                    pearson(sums.get("rt_unknown"), chrF)));
        }
        return rows.toString();
    }

    static double[] column(List<Map<String, Double>> rows, String name) {
        return rows.stream().mapToDouble(r -> r.get(name)).toArray();
    }

    /** The samples with the round-trip features of the language's reverse routes (averaged, as the service does). */
    static List<Sample> withRoundTrip(ApertiumEngine engine, String lang, String forward, List<Sample> samples,
                                      List<String> reverse) throws IOException {
        if (reverse == null || reverse.isEmpty()) {
            return samples;
        }
        List<List<BackTranslator.Back>> backs = new ArrayList<>();
        for (String r : reverse) {
            backs.add(backTranslations(engine, forward, r, samples, new double[1]));
        }
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            Map<String, Double> features = new LinkedHashMap<>(s.features());
            for (String name : RoundTrip.NAMES) {
                double sum = 0;
                for (List<BackTranslator.Back> b : backs) {
                    sum += RoundTrip.compare(s.source(), s.target(), b.get(i)).get(name);
                }
                features.put(name, sum / backs.size());
            }
            out.add(new Sample(s.index(), s.source(), s.target(), s.reference(), features, s.blocking(), s.chrF(),
                    s.oldScore(), s.issues()));
        }
        return out;
    }

    private static final List<String> CHECKERS = List.of("untranslated", "pivot-leak", "unknown-words", "numbers", "urls",
            "glossary", "punctuation", "doubled-words", "doubled-punctuation", "typography", "length");

    static final TargetFinishing FINISHING = new TargetFinishing(true, new SafeCorrections(Map.of()));

    record Translated(String text, UnknownMarks marks) {
    }

    /** The route's translations of the French lines, from the cache under target/calibration when it has them. */
    static List<Translated> translations(ApertiumEngine engine, String route, List<String> french, boolean fresh)
            throws IOException {
        Path cache = Path.of("target/calibration/" + route.replace('>', '-') + ".tsv");
        List<Translated> out = new ArrayList<>();
        if (!fresh && Files.isRegularFile(cache)) {
            for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
                String[] c = line.split("\t", 4);
                out.add(new Translated(c[3], new UnknownMarks(Integer.parseInt(c[0]), Integer.parseInt(c[1]),
                        Integer.parseInt(c[2]))));
            }
        } else {
            Files.createDirectories(cache.getParent());
            Files.deleteIfExists(cache);
        }
        if (out.size() >= french.size()) {
            return out.subList(0, french.size());
        }
        List<String> hops = List.of(route.split(">"));
        long start = System.nanoTime();
        int from = out.size();
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < french.size(); i++) {
            TranslatedText t = engine.translateRoute(french.get(i), TextFormat.PLAIN, hops);
            // as the service writes it by default: the target's typography (no LanguageTool corrections configured)
            String finished = FINISHING.finish(t.text(), TextFormat.PLAIN, hops.get(hops.size() - 1)).text();
            UnknownMarks marks = t.parts().isEmpty() ? new UnknownMarks(t.unknownWords(), 0, 0)
                    : t.parts().stream().map(TranslatedSegment::marks).reduce(UnknownMarks.NONE, UnknownMarks::plus);
            String text = finished.replaceAll("[\\t\\n\\r]+", " ");
            out.add(new Translated(text, marks));
            lines.append(marks.unknown()).append('\t').append(marks.untransferred()).append('\t')
                    .append(marks.ungenerated()).append('\t').append(text).append('\n');
        }
        Files.writeString(cache, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        System.err.printf(Locale.ROOT, "%s: translated %d sentences in %.0f s (cached in %s)%n", route,
                french.size() - from, (System.nanoTime() - start) / 1e9, cache);
        return out;
    }

    /**
     * The checked samples, from target/calibration/&lt;lang&gt;-checked.tsv when it has them (checking is the slow part:
     * LanguageTool and the spellers on every sentence); {@code --recheck true} after changing a check.
     */
    static List<Sample> checked(String lang, String route, List<String> french, List<Translated> hyps,
                                List<String> reference, SegmentChecks checks, boolean recheck) throws IOException {
        Path cache = Path.of("target/calibration/" + lang + "-checked.tsv");
        List<Sample> samples = new ArrayList<>();
        if (!recheck && Files.isRegularFile(cache)) {
            for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
                String[] c = line.split("\t", -1);
                int i = samples.size();
                if (i >= french.size()) {
                    break;
                }
                Map<String, Double> features = new LinkedHashMap<>();
                for (String kv : c[3].split(",")) {
                    String[] p = kv.split("=");
                    features.put(p[0], Double.parseDouble(p[1]));
                }
                List<QualityIssue> issues = c[2].isEmpty() ? List.of() : Arrays.stream(c[2].split(","))
                        .map(checker -> new QualityIssue(checker, "", "", -1, -1, null, "")).toList();
                ChrF chrF = new ChrF();
                chrF.add(hyps.get(i).text(), reference.get(i));
                samples.add(new Sample(i, french.get(i), hyps.get(i).text(), reference.get(i), features,
                        Boolean.parseBoolean(c[0]), chrF.score(), Double.parseDouble(c[1]), issues));
            }
        } else {
            Files.deleteIfExists(cache);
        }
        if (samples.size() >= french.size()) {
            return samples;
        }
        long start = System.nanoTime();
        int from = samples.size();
        for (int i = from; i < french.size(); i++) {
            Sample s = sample(i, french.get(i), hyps.get(i), reference.get(i), lang, route, checks);
            samples.add(s);
            String line = s.blocking() + "\t" + s.oldScore() + "\t"
                    + String.join(",", s.issues().stream().map(QualityIssue::checker).distinct().toList()) + "\t"
                    + String.join(",", s.features().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                    + "\n";
            Files.writeString(cache, line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        System.err.printf(Locale.ROOT, "%s: checked %d sentences in %.0f s (cached in %s)%n", lang, french.size() - from,
                (System.nanoTime() - start) / 1e9, cache);
        return samples;
    }

    static Sample sample(int index, String source, Translated hyp, String reference, String lang, String route,
                         SegmentChecks checks) {
        CheckedSegment segment = CheckedSegment.of(source, hyp.text(), TextFormat.PLAIN, lang, route, hyp.marks(),
                GlossarySeed.termsFor(lang));
        List<QualityIssue> issues = checks.run(segment);
        ChrF chrF = new ChrF();
        chrF.add(hyp.text(), reference);
        long languageTool = issues.stream().filter(i -> i.checker().equals(LanguageQualityChecker.CHECKER)).count();
        double words = Math.max(1, io.relais.engine.Words.count(source));
        // the guessed formula this replaces: 100 - LanguageTool issues per 100 words x 4 - % unknown words x 2
        double old = Math.max(0, Math.min(100, 100 - 400 * languageTool / words - 200 * hyp.marks().total() / words));
        return new Sample(index, source, hyp.text(), reference, SegmentFeatures.of(segment, issues),
                issues.stream().anyMatch(QualityIssue::blocking), chrF.score(), old, issues);
    }

    // ---- fitting ----

    /** Features that can only raise quality: a fitted weight below zero is noise and is dropped. */
    static final List<String> GOOD = List.of("rt_chrf", "rt_content");

    /** Features that can only lower quality. */
    static List<String> problems() {
        List<String> problems = new ArrayList<>(SegmentFeatures.PROBLEMS);
        problems.add("rt_unknown");
        return problems;
    }

    /**
     * Fits a ridge model of sentence chrF ({@code ridge}) or a logistic model of P(acceptable) ({@code logistic}) on
     * the given features; a feature whose weight comes out with the wrong sign is dropped and the fit redone.
     */
    static QualityModel fitModel(String lang, List<Sample> fit, List<String> names, String kind, double acceptable,
                                 double z) {
        List<String> features = new ArrayList<>(names);
        boolean logistic = kind.equals("logistic");
        double[] y = fit.stream().mapToDouble(s -> logistic ? (s.chrF() >= acceptable ? 1 : 0) : s.chrF()).toArray();
        List<String> problems = problems();
        while (true) {
            Map<String, Double> weights = new LinkedHashMap<>();
            double intercept = logistic ? logistic(fit, features, y, weights) : ridge(fit, features, y, weights);
            List<String> wrongSign = weights.entrySet().stream()
                    .filter(w -> problems.contains(w.getKey()) && w.getValue() > 0
                            || GOOD.contains(w.getKey()) && w.getValue() < 0)
                    .map(Map.Entry::getKey).toList();
            if (wrongSign.isEmpty()) {
                String link = logistic ? QualityModel.LOGISTIC : QualityModel.IDENTITY;
                QualityModel unthresholded = new QualityModel(lang, intercept, weights, 0, link);
                return new QualityModel(lang, intercept, weights, threshold(unthresholded, fit, acceptable, z), link);
            }
            features.removeAll(wrongSign);
        }
    }

    /**
     * L2-regularised logistic regression (Newton's method on standardised features, the same penalty as the ridge
     * fit); weights back on the raw scale.
     */
    static double logistic(List<Sample> fit, List<String> names, double[] y, Map<String, Double> weights) {
        int n = fit.size();
        Standardised features = Standardised.of(fit, names);
        List<double[]> columns = features.columns();
        int k = columns.size() + 1;   // the last coefficient is the intercept (not penalised)
        double[] beta = new double[k];
        double lambda = 0.01 * n;
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[k];
            double[][] hessian = new double[k][k + 1];
            for (int r = 0; r < n; r++) {
                double[] x = new double[k];
                for (int j = 0; j < k - 1; j++) {
                    x[j] = columns.get(j)[r];
                }
                x[k - 1] = 1;
                double eta = 0;
                for (int j = 0; j < k; j++) {
                    eta += beta[j] * x[j];
                }
                double p = 1 / (1 + Math.exp(-eta));
                double w = Math.max(p * (1 - p), 1e-9);
                for (int i = 0; i < k; i++) {
                    gradient[i] += (y[r] - p) * x[i];
                    for (int j = 0; j < k; j++) {
                        hessian[i][j] += w * x[i] * x[j];
                    }
                }
            }
            for (int i = 0; i < k - 1; i++) {
                gradient[i] -= lambda * beta[i];
                hessian[i][i] += lambda;
            }
            for (int i = 0; i < k; i++) {
                hessian[i][k] = gradient[i];
            }
            double[] step = solve(hessian);
            double size = 0;
            for (int i = 0; i < k; i++) {
                beta[i] += step[i];
                size = Math.max(size, Math.abs(step[i]));
            }
            if (size < 1e-8) {
                break;
            }
        }
        return features.toRawScale(beta, beta[k - 1], weights);
    }

    /** Ridge regression on standardised features (lambda 1 per sample's worth of 1 %); weights back on the raw scale. */
    static double ridge(List<Sample> fit, List<String> names, double[] y, Map<String, Double> weights) {
        int n = fit.size();
        Standardised features = Standardised.of(fit, names);
        List<double[]> columns = features.columns();
        double yMean = Arrays.stream(y).average().orElse(0);
        int k = columns.size();
        double[][] a = new double[k][k + 1];
        double lambda = 0.01 * n;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double sum = 0;
                for (int r = 0; r < n; r++) {
                    sum += columns.get(i)[r] * columns.get(j)[r];
                }
                a[i][j] = sum + (i == j ? lambda : 0);
            }
            double sum = 0;
            for (int r = 0; r < n; r++) {
                sum += columns.get(i)[r] * (y[r] - yMean);
            }
            a[i][k] = sum;
        }
        return features.toRawScale(solve(a), yMean, weights);
    }

    /**
     * The features of the fit set standardised (mean 0, standard deviation 1), those constant on the set left out
     * (e.g. no markup in plain sentences: nothing to learn), and the way back to weights on the raw scale.
     */
    record Standardised(List<String> used, List<double[]> columns, List<double[]> meanAndSd) {

        static Standardised of(List<Sample> fit, List<String> names) {
            int n = fit.size();
            List<String> used = new ArrayList<>();
            List<double[]> columns = new ArrayList<>();
            List<double[]> scale = new ArrayList<>();
            for (String name : names) {
                double[] x = fit.stream().mapToDouble(s -> s.features().getOrDefault(name, 0.0)).toArray();
                double mean = Arrays.stream(x).average().orElse(0);
                double sd = Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / n);
                if (sd < 1e-9) {
                    continue;
                }
                used.add(name);
                columns.add(Arrays.stream(x).map(v -> (v - mean) / sd).toArray());
                scale.add(new double[]{mean, sd});
            }
            return new Standardised(used, columns, scale);
        }

        /** Puts each standardised coefficient back on its feature's raw scale; gives the intercept on that scale. */
        double toRawScale(double[] coefficients, double standardisedIntercept, Map<String, Double> weights) {
            double intercept = standardisedIntercept;
            for (int i = 0; i < used.size(); i++) {
                double w = coefficients[i] / meanAndSd.get(i)[1];
                weights.put(used.get(i), w);
                intercept -= w * meanAndSd.get(i)[0];
            }
            return intercept;
        }
    }

    /** Gaussian elimination with partial pivoting on an augmented matrix. */
    static double[] solve(double[][] a) {
        int k = a.length;
        for (int c = 0; c < k; c++) {
            int pivot = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = c + 1; r < k; r++) {
                double f = a[r][c] / a[c][c];
                for (int j = c; j <= k; j++) {
                    a[r][j] -= f * a[c][j];
                }
            }
        }
        double[] x = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double sum = a[r][k];
            for (int j = r + 1; j < k; j++) {
                sum -= a[r][j] * x[j];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }

    /**
     * The lowest score at which the passed segments of the fit half (score at or above it, no blocking issue) are
     * acceptable with a margin: the Wilson lower bound ({@code z} standard deviations) of their acceptable share is at
     * least 90 %, with at least 10 of them; 101 (nothing passes) when no score reaches it.
     */
    static double threshold(QualityModel model, List<Sample> fit, double acceptable, double z) {
        double[] scores = fit.stream().mapToDouble(s -> round(model.score(s.features()))).distinct().sorted().toArray();
        for (double t : scores) {
            Stats s = stats(model, fit, acceptable, t);
            if (s.passed >= 10 && wilsonLower(s.goodPassed, s.passed, z) >= 0.90) {
                return t;
            }
        }
        return 101;
    }

    static double wilsonLower(int good, int n, double z) {
        double p = (double) good / n;
        double z2 = z * z;
        return (p + z2 / (2 * n) - z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n))) / (1 + z2 / n);
    }

    /** The best precision among thresholds whose recall on these samples reaches {@code recall}. */
    static String precisionAtRecall(QualityModel model, List<Sample> samples, double acceptable, double recall) {
        double[] scores = samples.stream().mapToDouble(s -> round(model.score(s.features()))).distinct().sorted().toArray();
        double best = Double.NaN;
        int bestGood = 0;
        int bestPassed = 0;
        for (double t : scores) {
            Stats s = stats(model, samples, acceptable, t);
            if (s.recall >= recall && s.passed > 0 && (Double.isNaN(best) || s.precision > best)) {
                best = s.precision;
                bestGood = s.goodPassed;
                bestPassed = s.passed;
            }
        }
        return Double.isNaN(best) ? "—" : String.format(Locale.ROOT, "%.0f %% (%d of %d)", 100 * best, bestGood, bestPassed);
    }

    private static double round(double score) {
        return Math.round(score * 10) / 10.0;
    }

    record Stats(double r, double acceptableShare, int passed, int goodPassed, double passedShare, double precision,
                 double recall) {
    }

    static Stats stats(QualityModel model, List<Sample> samples, double acceptable, double threshold) {
        double[] scores = samples.stream().mapToDouble(s -> round(model.score(s.features()))).toArray();
        return stats(samples, scores, acceptable, threshold, true);
    }

    static Stats oldGate(List<Sample> samples, double acceptable) {
        return stats(samples, samples.stream().mapToDouble(Sample::oldScore).toArray(), acceptable, 70, false);
    }

    static Stats stats(List<Sample> samples, double[] scores, double acceptable, double threshold, boolean blocking) {
        int good = 0;
        int passed = 0;
        int goodPassed = 0;
        for (int i = 0; i < samples.size(); i++) {
            boolean ok = samples.get(i).chrF() >= acceptable;
            boolean pass = scores[i] >= threshold && !(blocking && samples.get(i).blocking());
            good += ok ? 1 : 0;
            passed += pass ? 1 : 0;
            goodPassed += ok && pass ? 1 : 0;
        }
        double[] chrF = samples.stream().mapToDouble(Sample::chrF).toArray();
        int n = samples.size();
        return new Stats(pearson(scores, chrF), (double) good / n, passed, goodPassed, (double) passed / n,
                passed == 0 ? Double.NaN : (double) goodPassed / passed, good == 0 ? 0 : (double) goodPassed / good);
    }

    static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
    }

    // ---- reports ----

    static String checkRates(String lang, List<Sample> samples, double acceptable) {
        StringBuilder row = new StringBuilder("| " + lang + " |");
        for (String checker : CHECKERS) {
            List<Sample> flagged = samples.stream()
                    .filter(s -> s.issues().stream().anyMatch(i -> i.checker().equals(checker))).toList();
            long good = flagged.stream().filter(s -> s.chrF() >= acceptable).count();
            row.append(flagged.isEmpty() ? " 0 % |" : String.format(Locale.ROOT, " %.1f %% (%.0f %% ok) |",
                    100.0 * flagged.size() / samples.size(), 100.0 * good / flagged.size()));
        }
        return row.append('\n').toString();
    }

    /**
     * Spelling issues in the English output checked as en-US (LanguageTool's default English before) and as en-GB (the
     * variant Apertium writes), and how many of them the other variant's speller accepts: those are false issues of
     * the variant ("kilometres", "centre" flagged by en-US).
     */
    static String spellingBeforeAfter(List<Translated> hyps, List<String> reference) throws IOException {
        StringBuilder out = new StringBuilder("English spelling issues on the fr>en output (all sentences):\n");
        int words = hyps.stream().mapToInt(h -> io.relais.engine.Words.count(h.text())).sum();
        // only the spelling rule: the other rules do not depend on the variant, and suggestions cost time
        Map<String, org.languagetool.JLanguageTool> spellers = new LinkedHashMap<>();
        Map<String, org.languagetool.rules.spelling.SpellingCheckRule> words1 = new LinkedHashMap<>();
        for (String variant : List.of("en-US", "en-GB")) {
            var language = org.languagetool.Languages.getLanguageForShortCode(variant);
            var tool = new org.languagetool.JLanguageTool(language);
            tool.getAllRules().stream().filter(r -> !r.isDictionaryBasedSpellingRule()).forEach(r -> tool.disableRule(r.getId()));
            spellers.put(variant, tool);
            words1.put(variant, language.getDefaultSpellingRule());
        }
        for (String variant : List.of("en-US", "en-GB")) {
            String other = variant.equals("en-US") ? "en-GB" : "en-US";
            int issues = 0;
            int falseIssues = 0;
            Map<String, Integer> falseWords = new TreeMap<>();
            for (Translated hyp : hyps) {
                String text = hyp.text();
                for (org.languagetool.rules.RuleMatch match : spellers.get(variant).check(text)) {
                    issues++;
                    String word = text.substring(match.getFromPos(), match.getToPos());
                    if (!words1.get(other).isMisspelled(word)) {
                        falseIssues++;
                        falseWords.merge(word, 1, Integer::sum);
                    }
                }
            }
            out.append(String.format(Locale.ROOT, "- checked as %s: %d spelling issues (%.2f per 100 words), %d of them on a"
                    + " word %s accepts (%.2f per 100 words)%s%n", variant, issues, 100.0 * issues / words, falseIssues,
                    other, 100.0 * falseIssues / words, falseWords.isEmpty() ? "" : ", e.g. " + String.join(", ",
                    falseWords.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                            .limit(8).map(e -> e.getKey() + " x" + e.getValue()).toList())));
        }
        return out.toString();
    }

    static void writeModel(QualityModel model, String route, List<String> reverse, int fit, int report,
                           double acceptable, double z, Stats stats) throws IOException {
        Path file = Path.of("src/main/resources/quality/model-" + model.lang() + (reverse.isEmpty() ? "" : "-round-trip")
                + ".properties");
        Files.createDirectories(file.getParent());
        String what = model.link().equals(QualityModel.LOGISTIC)
                ? "score = 100 x P(acceptable) = 100 / (1 + exp(-(intercept + sum(weight x feature))))"
                : "score = estimated sentence chrF = intercept + sum(weight x feature)";
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            model.write(out, String.format(Locale.ROOT, """
                    Quality estimate for %s (route %s, round trip %s): %s.
                    Written by ./relais calibrate on %s: fitted on %d FLORES-200 devtest sentences, threshold chosen
                    there (Wilson lower bound at z = %.3g of the acceptable share of passed segments >= 90 %%); on the %d
                    held-out sentences: r = %.2f with sentence chrF, %s of passed segments acceptable
                    (chrF >= %.0f), recall %.0f %%. Features: see SegmentFeatures and RoundTrip.""",
                    model.lang(), route, reverse.isEmpty() ? "off" : String.join(",", reverse), what, LocalDate.now(),
                    fit, z, report, stats.r, percent(stats.precision), acceptable, 100 * stats.recall));
        }
    }

    // ---- input ----

    static final class Flores {
        static String code(String lang) {
            return Map.of("fr", "fra", "es", "spa", "ca", "cat", "en", "eng", "it", "ita", "pt", "por", "de", "deu")
                    .getOrDefault(lang, lang);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> defaultRoutes() throws IOException {
        try (InputStream in = QualityCalibration.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> relais = (Map<String, Object>) yaml.get("relais");
            Map<String, Object> translate = (Map<String, Object>) relais.get("translate");
            return new LinkedHashMap<>((Map<String, String>) translate.get("routes"));
        }
    }

    static List<String> read(Path file, int limit) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(0, Math.min(limit, lines.size()));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("usage: calibrate [--limit N] [--write true] [--acceptable 50]"
                        + " [--model logistic|ridge] [--confidence-z 1.645] [--probe true] [--langs es,en] [--fresh true] [--flores DIR]; got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
