package io.relais.article;

/**
 * The life of one translation: PENDING -> MACHINE_TRANSLATED -> {AUTO_APPROVED | NEEDS_REVIEW | FAILED},
 * NEEDS_REVIEW -> {APPROVED | REJECTED}. Only AUTO_APPROVED and APPROVED are published.
 */
public enum TranslationState {
    PENDING, MACHINE_TRANSLATED, AUTO_APPROVED, NEEDS_REVIEW, FAILED, APPROVED, REJECTED;

    public boolean published() {
        return this == AUTO_APPROVED || this == APPROVED;
    }
}
