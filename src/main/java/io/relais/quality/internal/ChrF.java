package io.relais.quality.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * chrF (Popović 2015) as sacreBLEU 2 computes it: character n-grams of orders 1 to 6 with whitespace removed,
 * matches and totals summed over the corpus per order, an F-score with beta = 2 per order, then the average of the
 * orders that exist, times 100. One pair is the sentence-level score ({@link #sentence}: the round trip compares a
 * back-translation with its French source with it); the evaluation tools sum a corpus. Written by hand because no
 * Java library on Maven Central implements it.
 */
public final class ChrF {

    public static final int ORDER = 6;
    public static final double BETA = 2.0;

    private final long[] hypTotal = new long[ORDER];
    private final long[] refTotal = new long[ORDER];
    private final long[] matches = new long[ORDER];

    /** Adds one hypothesis/reference pair to the corpus statistics. */
    public void add(String hypothesis, String reference) {
        String hyp = hypothesis.replaceAll("\\s+", "");
        String ref = reference.replaceAll("\\s+", "");
        for (int n = 1; n <= ORDER; n++) {
            Map<String, Integer> hypGrams = grams(hyp, n);
            Map<String, Integer> refGrams = grams(ref, n);
            hypTotal[n - 1] += Math.max(0, hyp.codePointCount(0, hyp.length()) - n + 1);
            refTotal[n - 1] += Math.max(0, ref.codePointCount(0, ref.length()) - n + 1);
            for (Map.Entry<String, Integer> gram : hypGrams.entrySet()) {
                matches[n - 1] += Math.min(gram.getValue(), refGrams.getOrDefault(gram.getKey(), 0));
            }
        }
    }

    /** The corpus score, 0 to 100. */
    public double score() {
        double factor = BETA * BETA;
        double sum = 0;
        int effectiveOrder = 0;
        for (int i = 0; i < ORDER; i++) {
            double precision = hypTotal[i] > 0 ? (double) matches[i] / hypTotal[i] : 1e-16;
            double recall = refTotal[i] > 0 ? (double) matches[i] / refTotal[i] : 1e-16;
            double denominator = factor * precision + recall;
            sum += denominator > 0 ? (1 + factor) * precision * recall / denominator : 1e-16;
            if (hypTotal[i] > 0 && refTotal[i] > 0) {
                effectiveOrder++;
            }
        }
        return effectiveOrder == 0 ? 0 : 100 * sum / effectiveOrder;
    }

    /** The chrF of one hypothesis against its reference, 0 to 100. */
    public static double sentence(String hypothesis, String reference) {
        ChrF chrF = new ChrF();
        chrF.add(hypothesis, reference);
        return chrF.score();
    }

    public static double corpus(List<String> hypotheses, List<String> references) {
        if (hypotheses.size() != references.size()) {
            throw new IllegalArgumentException(hypotheses.size() + " hypotheses for " + references.size() + " references");
        }
        ChrF chrF = new ChrF();
        for (int i = 0; i < hypotheses.size(); i++) {
            chrF.add(hypotheses.get(i), references.get(i));
        }
        return chrF.score();
    }

    private static Map<String, Integer> grams(String text, int n) {
        Map<String, Integer> counts = new HashMap<>();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i + n <= cps.length; i++) {
            counts.merge(new String(cps, i, n), 1, Integer::sum);
        }
        return counts;
    }
}
