package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.relais.quality.LanguageQualityChecker;
import io.relais.quality.QualityIssue;
import io.relais.quality.SegmentEstimateView.Reason;

/**
 * A segment's estimate said as its reasons, the way an editor can act on them: “2 unknown words”, “Spanish word
 * left: Bretaña”, “round trip lost ‘vol’”, rather than a score against a threshold. A low score is a reason of its
 * own only where the threshold is one a segment can reach (100 or less) and nothing else explains it.
 */
public final class EstimateReasons {

    /** The messages of the reasons ({@code reason.<CODE>} in messages*.properties), in one UI language. */
    @FunctionalInterface
    public interface Messages {
        String get(String key, Object[] args, String english);
    }

    /** English messages (stored with the translation). */
    public static final Messages ENGLISH = (key, args, english) -> english;

    /** Most telling first: what blocks publication, then what the machine left, then counts. */
    private static final List<String> ORDER = List.of("FRENCH_SENTENCE", "NUMBERS", "TERM_MISSING", "URLS", "MARKUP",
            "PIVOT_WORD", "FRENCH_WORD", "UNKNOWN_WORDS", "ROUND_TRIP_LOST", "GRAMMAR", "SPELLING", "LENGTH");

    private EstimateReasons() {
    }

    /**
     * @param issues  the segment's open issues (dismissed ones left out)
     * @param unknown the words the engine left as they were that are no names ({@link KeptWords#notNames})
     * @param lost    the French words the round trip did not bring back
     */
    public static List<Reason> of(List<QualityIssue> issues, List<String> unknown, List<String> lost,
                                  double score, double threshold, Locale ui, Messages m) {
        List<Reason> reasons = new ArrayList<>();
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (QualityIssue i : issues) {
            String word = i.args().isEmpty() ? "" : i.args().get(i.args().size() - 1);
            switch (i.checker() + "/" + i.ruleId()) {
                case "untranslated/FRENCH_SENTENCE" -> by.computeIfAbsent("FRENCH_SENTENCE", k -> new ArrayList<>());
                case "untranslated/FRENCH_WORD" -> add(by, "FRENCH_WORD", word);
                case "pivot-leak/PIVOT_WORD" -> add(by, "PIVOT_WORD:" + i.args().get(0), word);
                case "numbers/NUMBER_MISSING", "numbers/NUMBER_NOT_IN_SOURCE" -> add(by, "NUMBERS", word);
                case "glossary/TERM_MISSING" -> add(by, "TERM_MISSING", word);
                case "urls/URL_CHANGED", "urls/EMAIL_CHANGED" -> add(by, "URLS", word);
                case "length/LENGTH_RATIO" -> add(by, "LENGTH", word);
                default -> {
                    if (i.checker().equals("markup")) {
                        add(by, "MARKUP", "");
                    } else if (LanguageQualityChecker.CHECKER.equals(i.checker()) && "spelling".equals(i.severity())) {
                        add(by, "SPELLING", "");
                    } else if (LanguageQualityChecker.CHECKER.equals(i.checker()) && "grammar".equals(i.severity())) {
                        add(by, "GRAMMAR", "");
                    }
                }
            }
        }
        List<String> french = by.getOrDefault("FRENCH_WORD", List.of());
        List<String> kept = unknown == null ? List.of() : unknown.stream().filter(w -> !french.contains(w)).toList();
        if (!kept.isEmpty()) {
            int n = kept.size();
            reasons.add(new Reason("UNKNOWN_WORDS", m.get("reason.UNKNOWN_WORDS", new Object[] {n, String.join(", ", kept)},
                    (n == 1 ? "1 unknown word: " : n + " unknown words: ") + String.join(", ", kept)), kept));
        }
        if (by.containsKey("FRENCH_SENTENCE")) {
            reasons.add(new Reason("FRENCH_SENTENCE", m.get("reason.FRENCH_SENTENCE", new Object[0],
                    "sentence still in French"), List.of()));
        }
        by.forEach((code, words) -> {
            List<String> named = words.stream().filter(w -> !w.isEmpty()).distinct().toList();
            String list = String.join(", ", named);
            if (code.startsWith("PIVOT_WORD:")) {
                String pivot = code.substring("PIVOT_WORD:".length());
                String language = Locale.forLanguageTag(pivot).getDisplayLanguage(ui);
                String englishLanguage = Locale.forLanguageTag(pivot).getDisplayLanguage(Locale.ENGLISH);
                reasons.add(new Reason("PIVOT_WORD", m.get("reason.PIVOT_WORD", new Object[] {language, list,
                        named.size()}, englishLanguage + (named.size() == 1 ? " word left: " : " words left: ") + list),
                        named));
                return;
            }
            int n = words.size();
            switch (code) {
                case "FRENCH_WORD" -> reasons.add(new Reason(code, m.get("reason.FRENCH_WORD", new Object[] {list,
                        named.size()}, (named.size() == 1 ? "French word left: " : "French words left: ") + list), named));
                case "NUMBERS" -> reasons.add(new Reason(code, m.get("reason.NUMBERS", new Object[] {list},
                        "figures differ from the French: " + list), named));
                case "TERM_MISSING" -> reasons.add(new Reason(code, m.get("reason.TERM_MISSING", new Object[] {list},
                        "glossary term missing: " + list), named));
                case "URLS" -> reasons.add(new Reason(code, m.get("reason.URLS", new Object[] {list},
                        "address changed: " + list), named));
                case "LENGTH" -> reasons.add(new Reason(code, m.get("reason.LENGTH", new Object[] {list},
                        list + " times as long as the French"), named));
                case "MARKUP" -> reasons.add(new Reason(code, m.get("reason.MARKUP", new Object[0],
                        "links or emphasis of the French lost"), List.of()));
                case "SPELLING" -> reasons.add(new Reason(code, m.get("reason.SPELLING", new Object[] {n},
                        n == 1 ? "1 spelling issue" : n + " spelling issues"), List.of()));
                case "GRAMMAR" -> reasons.add(new Reason(code, m.get("reason.GRAMMAR", new Object[] {n},
                        n == 1 ? "1 grammar issue" : n + " grammar issues"), List.of()));
                default -> {
                }
            }
        });
        if (lost != null && !lost.isEmpty()) {
            String list = String.join("’, ‘", lost);
            reasons.add(new Reason("ROUND_TRIP_LOST", m.get("reason.ROUND_TRIP_LOST", new Object[] {list, lost.size()},
                    "round trip lost ‘" + list + "’"), lost));
        }
        reasons.sort(Comparator.comparingInt(r -> ORDER.indexOf(r.code())));
        if (reasons.isEmpty() && !Double.isNaN(score) && threshold <= 100 && score < threshold) {
            String s = String.format(Locale.ROOT, "%.0f", score);
            String t = String.format(Locale.ROOT, "%.0f", threshold);
            reasons.add(new Reason("LOW_ESTIMATE", m.get("reason.LOW_ESTIMATE", new Object[] {s, t},
                    "low estimated quality (" + s + ", passes at " + t + ")"), List.of()));
        }
        return reasons;
    }

    private static void add(Map<String, List<String>> by, String code, String word) {
        by.computeIfAbsent(code, k -> new ArrayList<>()).add(word);
    }
}
