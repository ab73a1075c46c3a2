package io.relais.translation;

import static io.relais.translation.TranslationState.APPROVED;
import static io.relais.translation.TranslationState.AUTO_APPROVED;
import static io.relais.translation.TranslationState.FAILED;
import static io.relais.translation.TranslationState.NEEDS_REVIEW;
import static io.relais.translation.TranslationState.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TranslationActionTest {

    @Test
    void anEditKeepsTheStateButGivesAFailedTranslationToReview() {
        assertThat(TranslationAction.EDIT.next(NEEDS_REVIEW)).isEqualTo(NEEDS_REVIEW);
        assertThat(TranslationAction.EDIT.next(APPROVED)).isEqualTo(APPROVED);
        assertThat(TranslationAction.EDIT.next(AUTO_APPROVED)).isEqualTo(AUTO_APPROVED);
        assertThat(TranslationAction.EDIT.next(FAILED)).isEqualTo(NEEDS_REVIEW);
    }

    @Test
    void approvingIsAllowedUntilTheTranslationIsApprovedOrRejected() {
        assertThat(TranslationAction.APPROVE.next(NEEDS_REVIEW)).isEqualTo(APPROVED);
        assertThat(TranslationAction.APPROVE.next(AUTO_APPROVED)).isEqualTo(APPROVED);
        assertThat(TranslationAction.APPROVE.allowedIn(APPROVED)).isFalse();
        assertThatThrownBy(() -> TranslationAction.APPROVE.next(REJECTED))
                .isInstanceOf(TranslationAction.TransitionRefusedException.class)
                .hasMessage("cannot approve a translation in state REJECTED");
    }

    @Test
    void aRejectedTranslationCanOnlyBeRetranslatedOrReopened() {
        assertThat(TranslationAction.RETRANSLATE.next(REJECTED)).isEqualTo(NEEDS_REVIEW);
        assertThat(TranslationAction.REOPEN.next(REJECTED)).isEqualTo(NEEDS_REVIEW);
        assertThat(TranslationAction.EDIT.allowedIn(REJECTED)).isFalse();
        assertThat(TranslationAction.REJECT.allowedIn(REJECTED)).isFalse();
    }

    @Test
    void anApprovalCanBeUndoneTheTextGoingBackToReview() {
        assertThat(TranslationAction.REOPEN.next(APPROVED)).isEqualTo(NEEDS_REVIEW);
        assertThat(TranslationAction.REOPEN.next(AUTO_APPROVED)).isEqualTo(NEEDS_REVIEW);
        assertThat(TranslationAction.REOPEN.allowedIn(NEEDS_REVIEW)).isFalse();
        assertThat(TranslationAction.REOPEN.allowedIn(FAILED)).isFalse();
    }
}
