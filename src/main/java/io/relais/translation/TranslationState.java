package io.relais.translation;

/**
 * The life of one translation. A row is written once the article is translated and checked, with the verdict:
 * {AUTO_APPROVED | NEEDS_REVIEW | FAILED}; editors then take NEEDS_REVIEW (or FAILED) to {APPROVED | REJECTED}
 * ({@link TranslationAction} says what may be done in each state). Only AUTO_APPROVED and APPROVED are published.
 * (The design's PENDING and MACHINE_TRANSLATED were never stored: the batch's chunk holds that stage.)
 */
public enum TranslationState {
    AUTO_APPROVED, NEEDS_REVIEW, FAILED, APPROVED, REJECTED;

    public boolean published() {
        return this == AUTO_APPROVED || this == APPROVED;
    }
}
