package io.relais.review.internal;

import org.springframework.stereotype.Component;

import io.relais.review.Withdrawals;
import io.relais.translation.Translation;

/** The console's withdrawals go through the review actions, so that they are audited and kept in the history. */
@Component
class ConsoleWithdrawals implements Withdrawals {

    private final ReviewService review;

    ConsoleWithdrawals(ReviewService review) {
        this.review = review;
    }

    @Override
    public boolean withdraw(Translation translation, String operator, String reason) {
        return review.withdraw(translation.id(), translation.version(), operator, reason);
    }
}
