package io.relais.quality.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Sentence-level chrF2 (Popović 2015, as sacreBLEU 2 computes it for one pair): character n-grams of orders 1 to 6
 * with whitespace removed, an F-score with beta = 2 per order, averaged over the orders that exist in both texts,
 * times 100. The round-trip check compares a back-translation with its French source with it.
 */
final class SentenceChrF {

    static final int ORDER = 6;
    private static final double BETA_SQUARED = 4;

    private SentenceChrF() {
    }

    static double score(String hypothesis, String reference) {
        int[] hyp = hypothesis.replaceAll("\\s+", "").codePoints().toArray();
        int[] ref = reference.replaceAll("\\s+", "").codePoints().toArray();
        double sum = 0;
        int effective = 0;
        for (int n = 1; n <= ORDER; n++) {
            Map<String, Integer> refGrams = grams(ref, n);
            long hypTotal = Math.max(0, hyp.length - n + 1);
            long refTotal = Math.max(0, ref.length - n + 1);
            long matches = 0;
            for (Map.Entry<String, Integer> gram : grams(hyp, n).entrySet()) {
                matches += Math.min(gram.getValue(), refGrams.getOrDefault(gram.getKey(), 0));
            }
            double precision = hypTotal > 0 ? (double) matches / hypTotal : 1e-16;
            double recall = refTotal > 0 ? (double) matches / refTotal : 1e-16;
            double denominator = BETA_SQUARED * precision + recall;
            sum += denominator > 0 ? (1 + BETA_SQUARED) * precision * recall / denominator : 1e-16;
            if (hypTotal > 0 && refTotal > 0) {
                effective++;
            }
        }
        return effective == 0 ? 0 : 100 * sum / effective;
    }

    private static Map<String, Integer> grams(int[] cps, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= cps.length; i++) {
            counts.merge(new String(cps, i, n), 1, Integer::sum);
        }
        return counts;
    }
}
