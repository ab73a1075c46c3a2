package io.relais.translation;

/**
 * The life of one translation: PENDING -> MACHINE_TRANSLATED -> {AUTO_APPROVED | NEEDS_REVIEW | FAILED},
 * NEEDS_REVIEW -> {APPROVED | REJECTED}. Only AUTO_APPROVED and APPROVED are published. What editors may do in
 * each state is {@link TranslationAction}'s to say.
 */
public enum TranslationState {
    PENDING, MACHINE_TRANSLATED, AUTO_APPROVED, NEEDS_REVIEW, FAILED, APPROVED, REJECTED;

    public boolean published() {
        return this == AUTO_APPROVED || this == APPROVED;
    }
}
