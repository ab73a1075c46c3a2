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
import io.relais.quality.internal.SegmentChecks;
import io.relais.quality.internal.SegmentFeatures;
import io.relais.translate.GlossarySeed;
import io.relais.translate.SafeCorrections;
import io.relais.translate.TargetFinishing;
import io.relais.translate.TextFormat;
import io.relais.translate.TranslatedSegment;
import io.relais.translate.TranslatedText;
import io.relais.translate.UnknownMarks;
import io.relais.translate.apertium.ApertiumEngine;
import io.relais.bench.eval.ChrF;

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
 * {@code --write true} writes {@code src/main/resources/quality/model-<lang>.properties}.
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
        double fitPrecision = Double.parseDouble(o.getOrDefault("fit-precision", "0.92"));
        boolean write = Boolean.parseBoolean(o.getOrDefault("write", "false"));
        Map<String, String> routes = defaultRoutes();
        List<String> langs = o.containsKey("langs") ? List.of(o.get("langs").split(",")) : new ArrayList<>(routes.keySet());
        List<String> french = read(flores.resolve("devtest.fra"), limit);

        LanguageQualityChecker languageTool = new LanguageQualityChecker();
        SegmentChecks checks = SegmentChecks.standard(languageTool);
        StringBuilder table = new StringBuilder();
        StringBuilder checkTable = new StringBuilder();
        String spelling = "";
        try (ApertiumEngine engine = new ApertiumEngine(Path.of(o.getOrDefault("modes", "/usr/share/apertium/modes")),
                Map.of(), Duration.ofSeconds(60))) {
            engine.useGlossary(GlossarySeed::termsFor);
            for (String lang : langs) {
                String route = routes.get(lang);
                List<String> reference = read(flores.resolve("devtest." + Flores.code(lang)), limit);
                List<Translated> hyps = translations(engine, route, french, Boolean.parseBoolean(o.getOrDefault("fresh", "false")));
                List<Sample> samples = checked(lang, route, french, hyps, reference, checks,
                        Boolean.parseBoolean(o.getOrDefault("recheck", "false")));
                int half = samples.size() / 2;
                List<Sample> fit = samples.subList(0, half);
                List<Sample> report = samples.subList(half, samples.size());
                QualityModel model = fitModel(lang, fit, fitPrecision, acceptable);
                Stats stats = stats(model, report, acceptable, model.threshold());
                Stats old = oldGate(report, acceptable);
                table.append(String.format(Locale.ROOT,
                        "| %s | %s | %d / %d | %.0f %% | %.2f | %.2f | %.1f | %.0f %% | %.0f %% (%d of %d) | %.0f %% | %.0f %% / %.0f %% |%n",
                        lang, route, fit.size(), report.size(), 100 * stats.acceptableShare, stats.r, old.r,
                        model.threshold(), 100 * stats.passedShare, 100 * stats.precision, stats.goodPassed,
                        stats.passed, 100 * stats.recall, 100 * old.precision, 100 * old.recall));
                checkTable.append(checkRates(lang, samples, acceptable));
                if ("en".equals(lang)) {
                    spelling = spellingBeforeAfter(hyps, reference);
                }
                if (write) {
                    writeModel(model, route, fit.size(), report.size(), acceptable, stats);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nFLORES-200 devtest, fit on the first half, reported on the second; acceptable ="
                + " sentence chrF >= %.0f; threshold chosen for >= %.0f %% acceptable among passed segments on the fit half%n%n",
                acceptable, 100 * fitPrecision);
        System.out.println("| lang | route | fit / report | acceptable | r (score, chrF) | r (old score) | threshold |"
                + " passed | precision | recall | old gate (>= 70) precision / recall |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        System.out.print(table);
        System.out.println();
        System.out.println("Checks on all sentences: share of segments flagged, and the share of those that are acceptable");
        System.out.println("| lang | " + String.join(" | ", CHECKERS) + " |");
        System.out.println("|---|" + "---|".repeat(CHECKERS.size()));
        System.out.print(checkTable);
        System.out.println();
        System.out.print(spelling);
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
        double words = Math.max(1, io.relais.translate.Words.count(source));
        // the guessed formula this replaces: 100 - LanguageTool issues per 100 words x 4 - % unknown words x 2
        double old = Math.max(0, Math.min(100, 100 - 400 * languageTool / words - 200 * hyp.marks().total() / words));
        return new Sample(index, source, hyp.text(), reference, SegmentFeatures.of(segment, issues),
                issues.stream().anyMatch(QualityIssue::blocking), chrF.score(), old, issues);
    }

    // ---- fitting ----

    static QualityModel fitModel(String lang, List<Sample> fit, double fitPrecision, double acceptable) {
        List<String> features = new ArrayList<>(SegmentFeatures.NAMES);
        double[] y = fit.stream().mapToDouble(Sample::chrF).toArray();
        while (true) {
            Map<String, Double> weights = new LinkedHashMap<>();
            double intercept = ridge(fit, features, y, weights);
            List<String> positive = weights.entrySet().stream()
                    .filter(w -> SegmentFeatures.PROBLEMS.contains(w.getKey()) && w.getValue() > 0)
                    .map(Map.Entry::getKey).toList();
            if (positive.isEmpty()) {
                QualityModel unthresholded = new QualityModel(lang, intercept, weights, 0);
                return new QualityModel(lang, intercept, weights, threshold(unthresholded, fit, fitPrecision, acceptable));
            }
            features.removeAll(positive);
        }
    }

    /** Ridge regression on standardised features (lambda 1 per sample's worth of 1 %); weights back on the raw scale. */
    static double ridge(List<Sample> fit, List<String> names, double[] y, Map<String, Double> weights) {
        int n = fit.size();
        List<String> used = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        List<double[]> scale = new ArrayList<>();
        for (String name : names) {
            double[] x = fit.stream().mapToDouble(s -> s.features().get(name)).toArray();
            double mean = Arrays.stream(x).average().orElse(0);
            double sd = Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / n);
            if (sd < 1e-9) {
                continue;   // constant on this set (e.g. no markup in plain sentences): nothing to learn
            }
            used.add(name);
            columns.add(Arrays.stream(x).map(v -> (v - mean) / sd).toArray());
            scale.add(new double[]{mean, sd});
        }
        double yMean = Arrays.stream(y).average().orElse(0);
        int k = used.size();
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
        double[] b = solve(a);
        double intercept = yMean;
        for (int i = 0; i < k; i++) {
            double w = b[i] / scale.get(i)[1];
            weights.put(used.get(i), w);
            intercept -= w * scale.get(i)[0];
        }
        return intercept;
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
     * The lowest score at which the passed segments of the fit half (score at or above it, no blocking issue) are at
     * least {@code precision} acceptable, with at least 10 of them; 101 (nothing passes) when no score reaches it.
     */
    static double threshold(QualityModel model, List<Sample> fit, double precision, double acceptable) {
        double[] scores = fit.stream().mapToDouble(s -> round(model.score(s.features()))).distinct().sorted().toArray();
        for (double t : scores) {
            Stats s = stats(model, fit, acceptable, t);
            if (s.passed >= 10 && s.precision >= precision) {
                return t;
            }
        }
        return 101;
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
        int words = hyps.stream().mapToInt(h -> io.relais.translate.Words.count(h.text())).sum();
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

    static void writeModel(QualityModel model, String route, int fit, int report, double acceptable, Stats stats)
            throws IOException {
        Path file = Path.of("src/main/resources/quality/model-" + model.lang() + ".properties");
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            model.write(out, String.format(Locale.ROOT, """
                    Quality estimate for %s (route %s): estimated sentence chrF = intercept + sum(weight x feature).
                    Written by ./relais calibrate on %s: ridge fit on %d FLORES-200 devtest sentences, threshold chosen
                    there; on the %d held-out sentences: r = %.2f with sentence chrF, %.0f %% of passed segments
                    acceptable (chrF >= %.0f), recall %.0f %%. Features: see SegmentFeatures.""",
                    model.lang(), route, LocalDate.now(), fit, report, stats.r, 100 * stats.precision, acceptable,
                    100 * stats.recall));
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
                        + " [--fit-precision 0.92] [--langs es,en] [--fresh true] [--flores DIR]; got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
