package io.relais.quality;

/** The policy's judgement of one translation: a score out of 100 and whether it may be published unreviewed. */
public record Verdict(double score, boolean autoApprove, String explanation) {
}
