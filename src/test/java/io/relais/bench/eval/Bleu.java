package io.relais.bench.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Corpus BLEU (Papineni et al. 2002) as sacreBLEU 2 computes it by default: the 13a tokenizer of mteval-v13a,
 * clipped n-gram matches of orders 1 to 4 summed over the corpus, their geometric mean times the brevity penalty
 * {@code exp(1 - r/c)} when the hypotheses are shorter than the references, times 100; an order with no match is
 * smoothed the sacreBLEU "exp" way. Written by hand because no Java library on Maven Central implements it.
 */
public final class Bleu {

    public static final int ORDER = 4;

    private static final Pattern PUNCTUATION = Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");
    private static final Pattern PERIOD_COMMA_AFTER = Pattern.compile("([^0-9])([\\.,])");
    private static final Pattern PERIOD_COMMA_BEFORE = Pattern.compile("([\\.,])([^0-9])");
    private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

    private final long[] matches = new long[ORDER];
    private final long[] totals = new long[ORDER];
    private long hypLength;
    private long refLength;

    public void add(String hypothesis, String reference) {
        List<String> hyp = tokenize13a(hypothesis);
        List<String> ref = tokenize13a(reference);
        hypLength += hyp.size();
        refLength += ref.size();
        for (int n = 1; n <= ORDER; n++) {
            Map<List<String>, Integer> hypGrams = grams(hyp, n);
            Map<List<String>, Integer> refGrams = grams(ref, n);
            totals[n - 1] += Math.max(0, hyp.size() - n + 1);
            for (Map.Entry<List<String>, Integer> gram : hypGrams.entrySet()) {
                matches[n - 1] += Math.min(gram.getValue(), refGrams.getOrDefault(gram.getKey(), 0));
            }
        }
    }

    public double score() {
        if (hypLength == 0) {
            return 0;
        }
        double logSum = 0;
        double smooth = 1;
        for (int i = 0; i < ORDER; i++) {
            double precision;
            if (totals[i] == 0) {
                return 0;
            }
            if (matches[i] == 0) {
                smooth *= 2;
                precision = 1.0 / (smooth * totals[i]);
            } else {
                precision = (double) matches[i] / totals[i];
            }
            logSum += Math.log(precision);
        }
        double brevity = hypLength < refLength ? Math.exp(1 - (double) refLength / hypLength) : 1;
        return 100 * brevity * Math.exp(logSum / ORDER);
    }

    public static double corpus(List<String> hypotheses, List<String> references) {
        if (hypotheses.size() != references.size()) {
            throw new IllegalArgumentException(hypotheses.size() + " hypotheses for " + references.size() + " references");
        }
        Bleu bleu = new Bleu();
        for (int i = 0; i < hypotheses.size(); i++) {
            bleu.add(hypotheses.get(i), references.get(i));
        }
        return bleu.score();
    }

    /** mteval-v13a tokenization, as sacreBLEU's {@code tokenize_13a}. */
    static List<String> tokenize13a(String text) {
        String line = text.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        if (line.contains("&")) {
            line = line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        }
        line = " " + line + " ";
        line = PUNCTUATION.matcher(line).replaceAll(" $1 ");
        line = PERIOD_COMMA_AFTER.matcher(line).replaceAll("$1 $2 ");
        line = PERIOD_COMMA_BEFORE.matcher(line).replaceAll(" $1 $2");
        line = DASH_AFTER_DIGIT.matcher(line).replaceAll("$1 $2 ");
        List<String> tokens = new ArrayList<>();
        for (String token : line.strip().split("\\s+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    private static Map<List<String>, Integer> grams(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }
}
