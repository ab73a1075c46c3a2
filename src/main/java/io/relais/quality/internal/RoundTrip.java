package io.relais.quality.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.relais.article.Article;
import io.relais.engine.BackTranslator;
import io.relais.engine.TranslationException;
import io.relais.engine.Words;

import io.micrometer.core.instrument.Timer;

/**
 * The round-trip check: the target segment is translated back into French along the language's reverse routes
 * ({@code relais.quality.round-trip.routes.<lang>}, e.g. {@code en>ca>fr}) and compared with the French source. A
 * translation that lost or changed the meaning rarely comes back close to its source, so how much of the source
 * comes back is a quality signal that needs no reference and no knowledge of the target language. Features, each
 * averaged over the reverse routes:
 * <ul>
 * <li>{@code rt_chrf}: chrF2 of the back-translation against the French source, 0-100;</li>
 * <li>{@code rt_content}: the share of the source's content words (four letters or more, not a French function
 * word) found again in the back-translation (same word, or the same first five letters: “annoncé”/“annonce”);</li>
 * <li>{@code rt_unknown}: words the reverse engine did not know, per target word (garbled or untranslated target
 * words).</li>
 * </ul>
 * Back-translations are remembered (the route choice scores a candidate, then the quality check scores the same text).
 */
public class RoundTrip {

    public static final List<String> NAMES = List.of("rt_chrf", "rt_content", "rt_unknown");

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final int CACHE_ENTRIES = 5_000;

    /** Frequent French words of four letters or more that carry no content of their own. */
    private static final Set<String> FUNCTION_WORDS = Set.of(("avec dans pour mais elle elles nous vous leur leurs"
            + " cette ceux celle celui celles donc sont sera était étaient avait avaient être avoir fait plus moins très"
            + " tout tous toute toutes aussi ainsi comme quand alors encore entre depuis pendant avant après selon sans"
            + " sous vers chez dont lequel laquelle lesquels lesquelles auquel duquel quel quelle quels quelles notre"
            + " votre même mêmes autre autres peut soit contre parce puis lors déjà cela ceci lorsque puisque quelque"
            + " aujourd").split(" "));

    /** French words of three letters that carry no content (a lost “vol” is worth reporting, a lost “les” is not). */
    private static final Set<String> SHORT_FUNCTION_WORDS = Set.of(("les des une est par sur pas qui que son ses aux"
            + " été ont mon ton nos vos eux lui car ils ces cet sa ma ta leur peu oui non tel via dès mes tes").split(" "));

    /** The metric of the round trip's time ({@code /actuator/metrics}). */
    public static final String METRIC = "relais.quality.round-trip";

    private final BackTranslator engine;
    private Timer timer;
    private final Map<String, List<List<String>>> routes;
    private final Map<String, Optional<BackTranslator.Back>> remembered =
            Caffeine.newBuilder().maximumSize(CACHE_ENTRIES).<String, Optional<BackTranslator.Back>>build().asMap();

    /**
     * @param engine the engine translating back (Apertium: the same warm pipelines as the forward routes)
     * @param routes per target language, the reverse routes, e.g. {@code en -> [en>ca>fr]}; those the engine cannot
     *               take are left out
     */
    public RoundTrip(BackTranslator engine, Map<String, List<String>> routes) {
        this.engine = engine;
        Map<String, List<List<String>>> usable = new LinkedHashMap<>();
        routes.forEach((lang, list) -> {
            List<List<String>> hops = list.stream().map(r -> List.of(r.strip().split("\\s*>\\s*")))
                    .filter(h -> h.size() >= 2 && h.get(0).equals(lang) && h.get(h.size() - 1).equals(Article.SOURCE_LANGUAGE))
                    .filter(engine::canTranslateBack).toList();
            if (!hops.isEmpty()) {
                usable.put(lang, hops);
            }
        });
        this.routes = Map.copyOf(usable);
    }

    public boolean covers(String lang) {
        return routes.containsKey(lang);
    }

    /** The reverse routes used for a language, e.g. {@code [en>ca>fr]}. */
    public List<String> routes(String lang) {
        return routes.getOrDefault(lang, List.of()).stream().map(h -> String.join(">", h)).toList();
    }

    /** Where the round trip's time is counted, so that its cost stays visible (bench/pipeline prints it). */
    public void timeWith(Timer timer) {
        this.timer = timer;
    }

    /**
     * The round-trip features of a segment, or none when the language has no reverse route or a back-translation
     * failed (the estimate then has nothing to judge the segment by).
     */
    public Map<String, Double> features(CheckedSegment segment) {
        return timer == null ? untimedFeatures(segment) : timer.record(() -> untimedFeatures(segment));
    }

    private Map<String, Double> untimedFeatures(CheckedSegment segment) {
        List<List<String>> reverse = routes.get(segment.lang());
        if (reverse == null || segment.targetText().isBlank()) {
            return Map.of();
        }
        List<Map<String, Double>> each = new ArrayList<>();
        for (List<String> hops : reverse) {
            Optional<BackTranslator.Back> back = back(segment.targetText(), hops);
            if (back.isEmpty()) {
                return Map.of();
            }
            each.add(compare(segment.sourceText(), segment.targetText(), back.get()));
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        for (String name : NAMES) {
            mean.put(name, each.stream().mapToDouble(f -> f.get(name)).average().orElse(0));
        }
        return mean;
    }

    /** The back-translation of a target text along one reverse route, remembered; empty when the engine failed. */
    public Optional<BackTranslator.Back> back(String target, List<String> hops) {
        String key = String.join(">", hops) + '\n' + target;
        Optional<BackTranslator.Back> known = remembered.get(key);
        if (known != null) {
            return known;
        }
        Optional<BackTranslator.Back> back;
        try {
            back = Optional.of(engine.translateBack(target, hops));
        } catch (TranslationException e) {
            return Optional.empty();   // not remembered: the next check tries again
        }
        remembered.put(key, back);
        return back;
    }

    /** The features of one back-translation against the French source. */
    public static Map<String, Double> compare(String source, String target, BackTranslator.Back back) {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("rt_chrf", ChrF.sentence(back.text(), source));
        f.put("rt_content", contentRecovered(source, back.text()));
        f.put("rt_unknown", back.unknownWords() / (double) Math.max(1, Words.count(target)));
        return f;
    }

    /**
     * The source's content words that no back-translation brought back (each route's back-translation is the
     * remembered one, so this costs nothing after {@link #features}); empty when the language has no reverse route or
     * a back-translation failed.
     */
    public List<String> lost(CheckedSegment segment) {
        List<List<String>> reverse = routes.get(segment.lang());
        if (reverse == null || segment.targetText().isBlank()) {
            return List.of();
        }
        Set<String> found = new HashSet<>();
        for (List<String> hops : reverse) {
            Optional<BackTranslator.Back> back = back(segment.targetText(), hops);
            if (back.isEmpty()) {
                return List.of();
            }
            found.addAll(words(back.get().text()));
        }
        List<String> lost = new ArrayList<>();
        for (String w : words(segment.sourceText())) {
            if (w.length() >= 3 && !FUNCTION_WORDS.contains(w) && !SHORT_FUNCTION_WORDS.contains(w)
                    && !lost.contains(w) && found.stream().noneMatch(b -> sameWord(w, b))) {
                lost.add(w);
            }
        }
        return lost;
    }

    /**
     * The same word give or take its ending: equal, or sharing their first five letters (their first four when one
     * has only four: “noir”/“noirs”).
     */
    private static boolean sameWord(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int common = 0;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= Math.min(5, Math.min(a.length(), b.length())) && Math.min(a.length(), b.length()) >= 4;
    }

    /** The share of the source's content words found again in the back-translation (1 when it has none). */
    static double contentRecovered(String source, String back) {
        List<String> content = words(source).stream()
                .filter(w -> w.length() >= 4 && !FUNCTION_WORDS.contains(w)).toList();
        if (content.isEmpty()) {
            return 1;
        }
        Set<String> found = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (String w : words(back)) {
            found.add(w);
            prefixes.add(prefix(w));
        }
        long recovered = content.stream().filter(w -> found.contains(w) || prefixes.contains(prefix(w))).count();
        return (double) recovered / content.size();
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String prefix(String word) {
        return word.length() <= 5 ? word : word.substring(0, 5);
    }
}
