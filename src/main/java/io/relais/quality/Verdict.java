package io.relais.quality;

/**
 * The judgement of one translation: its score (the lowest estimated segment chrF, 0-100) and whether it may be
 * published unreviewed (every segment passes).
 */
public record Verdict(double score, boolean autoApprove, String explanation) {
}
