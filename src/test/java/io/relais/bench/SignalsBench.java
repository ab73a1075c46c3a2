package io.relais.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.RemoteRule;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import io.relais.engine.apertium.ApertiumEngine;
import io.relais.quality.LanguageQualityChecker;
import io.relais.quality.QualityIssue;
import io.relais.quality.internal.CheckedSegment;
import io.relais.quality.internal.SegmentChecks;
import io.relais.terminology.GlossarySeed;

/**
 * {@code bench/signals}: how far editors can trust the flags, on FLORES-200 devtest translated by the service's
 * default routes. A word of the machine translation counts as wrong when the reference does not have it (the same
 * word, or the same first five letters: “annoncé”/“annonce”) — a rough proxy (a correct paraphrase counts as wrong
 * too), so precision here is a lower bound and recall an upper bound of what an editor sees. Per kind of flag:
 * how many words it flags, the share of them that are wrong (precision), the share of all wrong words it flags
 * (recall). Spelling is shown as LanguageTool gives it and as editors now see it (without the names of the French
 * and the glossary terms); “any flag” is every placed issue editors see. The rules that matched most are listed,
 * to see what fires and what is missing.
 */
public final class SignalsBench {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*");

    private static final StringBuilder TIMING = new StringBuilder();

    private SignalsBench() {
    }

    /** Flagged words and how many of them were wrong. */
    private static final class Count {
        long flagged;
        long wrong;
        Set<String> rules = new HashSet<>();
    }

    public static void main(String[] args) throws IOException {
        // LanguageTool's rules that are off by default are run apart, to see what they would add
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path flores = Path.of(args.length > 0 ? args[0] : "../shared/eval/flores200");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        List<String> langs = args.length > 2 ? List.of(args[2].split(",")) : List.of("es", "ca", "en", "it", "pt");
        if (!Files.isRegularFile(flores.resolve("devtest.fra"))) {
            System.out.println("FLORES-200 devtest not found in " + flores + ": nothing to measure");
            return;
        }
        Map<String, String> routes = QualityCalibration.defaultRoutes();
        List<String> french = QualityCalibration.read(flores.resolve("devtest.fra"), limit);
        LanguageQualityChecker languageTool = new LanguageQualityChecker();
        SegmentChecks checks = SegmentChecks.standard(languageTool);
        StringBuilder table = new StringBuilder();
        StringBuilder rules = new StringBuilder();
        long started = System.nanoTime();
        try (ApertiumEngine engine = new ApertiumEngine(Path.of("/usr/share/apertium/modes"), Map.of(),
                Duration.ofSeconds(60))) {
            engine.useGlossary(GlossarySeed::termsFor);
            for (String lang : langs) {
                String route = routes.get(lang);
                List<String> reference = QualityCalibration.read(flores.resolve("devtest."
                        + QualityCalibration.Flores.code(lang)), limit);
                List<QualityCalibration.Translated> hyps = QualityCalibration.translations(engine, route, french, false);
                Map<String, String> terms = GlossarySeed.termsFor(lang);
                Map<String, Count> counts = new LinkedHashMap<>();
                JLanguageTool offRules = withDefaultOffRules(languageTool.variant(lang));
                Map<String, Integer> ruleHits = new TreeMap<>();
                long words = 0;
                long wrongWords = 0;
                long flaggedWrong = 0;
                for (int i = 0; i < hyps.size(); i++) {
                    String mt = hyps.get(i).text();
                    Set<String> ref = new HashSet<>();
                    Matcher r = WORD.matcher(reference.get(i).toLowerCase(Locale.ROOT));
                    while (r.find()) {
                        ref.add(r.group());
                        ref.add(prefix(r.group()));
                    }
                    List<int[]> tokens = new ArrayList<>();
                    Matcher m = WORD.matcher(mt);
                    while (m.find()) {
                        String w = m.group().toLowerCase(Locale.ROOT);
                        boolean wrong = !ref.contains(w) && !ref.contains(prefix(w));
                        tokens.add(new int[] {m.start(), m.end(), wrong ? 1 : 0});
                    }
                    words += tokens.size();
                    wrongWords += tokens.stream().filter(t -> t[2] == 1).count();
                    CheckedSegment segment = CheckedSegment.of(french.get(i), mt, io.relais.engine.TextFormat.PLAIN,
                            lang, route, hyps.get(i).marks(), terms);
                    List<QualityIssue> raw = languageTool.check(mt, lang);
                    List<QualityIssue> shown = checks.run(segment);
                    Set<Integer> anyFlag = new HashSet<>();
                    for (QualityIssue issue : raw) {
                        if ("spelling".equals(issue.severity())) {
                            count(counts, "LanguageTool spelling, as LanguageTool gives it", issue, tokens, null);
                        }
                    }
                    for (QualityIssue issue : shown) {
                        String group = group(issue);
                        count(counts, group, issue, tokens, anyFlag);
                        ruleHits.merge(issue.checker() + "/" + issue.ruleId(), 1, Integer::sum);
                    }
                    for (RuleMatch match : offRules.check(mt)) {
                        if (match.getRule().isDefaultOff() || match.getRule().isDefaultTempOff()
                                || match.getRule().getCategory().isDefaultOff()) {
                            QualityIssue off = new QualityIssue("languagetool-off", match.getRule().getId(), "",
                                    match.getFromPos(), match.getToPos(), null, "off");
                            count(counts, "LanguageTool rules off by default (not run)", off, tokens, null);
                            ruleHits.merge("(off) " + match.getRule().getId(), 1, Integer::sum);
                        }
                    }
                    for (int k : anyFlag) {
                        flaggedWrong += tokens.get(k)[2];
                    }
                    Count any = counts.computeIfAbsent("any flag editors see", g -> new Count());
                    any.flagged += anyFlag.size();
                    any.wrong += anyFlag.stream().mapToInt(k -> tokens.get(k)[2]).sum();
                }
                double base = (double) wrongWords / Math.max(1, words);
                table.append(String.format(Locale.ROOT, "| %s | %s | (every word) | %d | %.0f %% | 100 %% |%n", lang,
                        route, words, 100 * base));
                for (Map.Entry<String, Count> e : counts.entrySet()) {
                    Count c = e.getValue();
                    table.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %.1f %% |%n", lang, route,
                            e.getKey(), c.flagged, c.flagged == 0 ? "—" : String.format(Locale.ROOT, "%.0f %%",
                                    100.0 * c.wrong / c.flagged), 100.0 * c.wrong / Math.max(1, wrongWords)));
                }
                rules.append(lang).append(": ");
                ruleHits.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                        .forEach(e -> rules.append(e.getKey()).append(' ').append(e.getValue()).append(", "));
                rules.append('\n');
            }
            timing(engine, french, routes, languageTool, checks, Math.min(100, french.size()));
        }
        System.out.printf(Locale.ROOT, "%nFlags on FLORES-200 devtest (first %d sentences), word level; a word is wrong when"
                + " the reference lacks it (same word or first five letters). Precision = wrong share of the flagged"
                + " words; recall = share of all wrong words flagged. (%.0f s)%n%n", french.size(),
                (System.nanoTime() - started) / 1e9);
        System.out.println("| lang | route | flag | words flagged | precision | recall |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.print(table);
        System.out.println("\nRules that matched most (placed and unplaced issues):");
        System.out.print(rules);
        System.out.print(TIMING);
        System.out.printf(Locale.ROOT, "(load average %s)%n", java.lang.management.ManagementFactory
                .getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * What a check costs as an editor types: each Spanish sentence with one word changed (so that no cache answers),
     * checked as the workbench checks it (every check, no round trip) and by LanguageTool alone on the same texts.
     */
    private static void timing(ApertiumEngine engine, List<String> french, Map<String, String> routes,
                               LanguageQualityChecker languageTool, SegmentChecks checks, int n) throws IOException {
        List<QualityCalibration.Translated> hyps = QualityCalibration.translations(engine, routes.get("es"), french, false);
        JLanguageTool raw = new JLanguageTool(Languages.getLanguageForShortCode("es"));
        List<String> edited = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            edited.add(hyps.get(i).text().replaceFirst("\\b(\\p{L}+)\\b", "$1x"));
        }
        for (int i = 0; i < n; i++) {
            raw.check(hyps.get(i).text());   // warm, as the service's checkers are after the measures above
        }
        checks.run(CheckedSegment.of(french.get(0), edited.get(0) + " ", io.relais.engine.TextFormat.PLAIN, "es",
                "fr>es", null, Map.of()));
        long t0 = System.nanoTime();
        for (String text : edited) {
            raw.check(text + "  ");
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            checks.run(CheckedSegment.of(french.get(i), edited.get(i), io.relais.engine.TextFormat.PLAIN, "es", "fr>es",
                    null, Map.of()));
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            checks.run(CheckedSegment.of(french.get(i), edited.get(i), io.relais.engine.TextFormat.PLAIN, "es", "fr>es",
                    null, Map.of()));
        }
        long t3 = System.nanoTime();
        double rawMs = (t1 - t0) / 1e6 / n;
        double checkMs = (t2 - t1) / 1e6 / n;
        TIMING.append(String.format(Locale.ROOT, "%nA segment checked as the editor types (es, %d sentences, one word changed):"
                + " every check %.1f ms, LanguageTool alone %.1f ms (ratio %.2f); the same text again (cached) %.2f ms%n",
                n, checkMs, rawMs, checkMs / rawMs, (t3 - t2) / 1e6 / n));
    }

    /** A LanguageTool with every rule its language has switched on, spelling and remote rules excepted. */
    private static JLanguageTool withDefaultOffRules(String code) {
        JLanguageTool tool = new JLanguageTool(Languages.getLanguageForShortCode(code));
        for (Rule rule : tool.getAllRules()) {
            if (rule.isDictionaryBasedSpellingRule() || rule instanceof RemoteRule
                    || rule.getClass().getSimpleName().contains("Remote")) {
                tool.disableRule(rule.getId());   // spelling is measured apart; a remote rule needs a server
            } else if (rule.isDefaultOff() || rule.isDefaultTempOff() || rule.getCategory().isDefaultOff()) {
                tool.enableRuleCategory(rule.getCategory().getId());
                tool.enableRule(rule.getId());
            }
        }
        return tool;
    }

    private static String group(QualityIssue issue) {
        if (LanguageQualityChecker.CHECKER.equals(issue.checker())) {
            return switch (issue.severity()) {
                case "spelling" -> "LanguageTool spelling, as editors see it";
                case "grammar" -> "LanguageTool grammar";
                default -> "LanguageTool other (" + issue.severity() + ")";
            };
        }
        return issue.checker() + (issue.blocking() ? " (blocking)" : "");
    }

    private static void count(Map<String, Count> counts, String group, QualityIssue issue, List<int[]> tokens,
                              Set<Integer> anyFlag) {
        Count c = counts.computeIfAbsent(group, g -> new Count());
        if (issue.startOffset() < 0) {
            return;
        }
        for (int k = 0; k < tokens.size(); k++) {
            int[] t = tokens.get(k);
            if (t[0] < issue.endOffset() && t[1] > issue.startOffset()) {
                c.flagged++;
                c.wrong += t[2];
                if (anyFlag != null) {
                    anyFlag.add(k);
                }
            }
        }
    }

    private static String prefix(String word) {
        return word.length() <= 5 ? word : word.substring(0, 5);
    }
}
