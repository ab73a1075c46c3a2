package io.relais.review.internal;

import org.springframework.stereotype.Component;

import io.relais.review.OperatorActions;
import io.relais.translation.Translation;

/** The console's actions on a translation go through the review actions: audited and kept in the history. */
@Component
class ConsoleOperatorActions implements OperatorActions {

    private final ReviewService review;

    ConsoleOperatorActions(ReviewService review) {
        this.review = review;
    }

    @Override
    public boolean withdraw(Translation translation, String operator, String reason) {
        return review.withdraw(translation.id(), translation.version(), operator, reason);
    }

    @Override
    public boolean sendBack(Translation translation, String operator, String reason) {
        return review.sendBack(translation.id(), translation.version(), operator, reason);
    }
}
