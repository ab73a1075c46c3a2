package io.relais.engine;

/**
 * Estimates the quality of one translated segment, higher is better (the quality module provides the calibrated
 * implementation). Used to choose, segment by segment, between the candidate routes of a language.
 */
public interface SegmentScorer {

    /** An estimate of the segment's quality on a 0-100 scale (the scale of sentence chrF). */
    double score(TranslatedSegment segment, String targetLanguage);
}
