package io.relais.quality;

import java.util.List;

/**
 * A segment's quality estimate as an editor reads it: what lowered it, in words, rather than a score against a
 * threshold.
 *
 * @param score     estimated sentence chrF, 0-100, NaN when the language has no fitted model
 * @param threshold the language's threshold (above 100: nothing passes unreviewed in this language)
 * @param attention whether there is something to look at (a reason below)
 * @param reasons   what lowered the estimate or needs a look, most telling first, in the UI language
 */
public record SegmentEstimateView(double score, double threshold, boolean attention, List<Reason> reasons) {

    public SegmentEstimateView {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /**
     * One reason.
     *
     * @param code    {@code UNKNOWN_WORDS}, {@code PIVOT_WORD}, {@code FRENCH_WORD}, {@code FRENCH_SENTENCE},
     *                {@code ROUND_TRIP_LOST}, {@code SPELLING}, {@code GRAMMAR}, {@code NUMBERS}, {@code TERM_MISSING},
     *                {@code MARKUP}, {@code LENGTH}, {@code OTHER}, {@code LOW_ESTIMATE}
     * @param message the reason in the UI language, e.g. “Spanish word left: Bretaña”
     * @param words   the words it is about
     */
    public record Reason(String code, String message, List<String> words) {

        public Reason {
            words = words == null ? List.of() : List.copyOf(words);
        }
    }
}
