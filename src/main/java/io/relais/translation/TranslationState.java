package io.relais.translation;

/**
 * The life of one translation. A row is written once the article is translated and checked, with the verdict:
 * {AUTO_APPROVED | NEEDS_REVIEW | FAILED}; editors then take NEEDS_REVIEW (or FAILED) to {APPROVED | REJECTED}
 * ({@link TranslationAction} says what may be done in each state). What a feed publishes is its publication policy's
 * choice ({@link Translations#publishable}): APPROVED always; AUTO_APPROVED and NEEDS_REVIEW without a blocking issue
 * only where machine translation is accepted; FAILED and REJECTED never.
 * (The design's PENDING and MACHINE_TRANSLATED were never stored: the batch's chunk holds that stage.)
 */
public enum TranslationState {
    AUTO_APPROVED, NEEDS_REVIEW, FAILED, APPROVED, REJECTED;

    /** True when some feed may publish a translation in this state (under the {@code machine} policy at least). */
    public boolean publishable() {
        return this == AUTO_APPROVED || this == APPROVED || this == NEEDS_REVIEW;
    }
}
