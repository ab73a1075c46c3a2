package io.relais.review;

import io.relais.translation.Translation;

/**
 * An operator's withdrawal of a translation from the feeds (the console's): a rejection with the operator's name and
 * reason, kept in the translation's review history and audit like an editor's, and followed by the translation
 * memory and the feeds. An editor can approve it again from the review screen.
 */
public interface Withdrawals {

    /**
     * Withdraws {@code translation} as it was read: false when someone changed it since, or when its state is one a
     * rejection does not apply to.
     */
    boolean withdraw(Translation translation, String operator, String reason);
}
