package io.relais.review;

import io.relais.translation.Translation;

/**
 * What an operator does to a translation from the console, through the review actions: audited, and kept in the
 * translation's review history under the operator's name with the reason, like an editor's action; the translation
 * memory and the feeds follow. The operator's right to do it is the console's to check.
 */
public interface OperatorActions {

    /**
     * Withdraws {@code translation} from the feeds, as it was read: a rejection (an editor can approve it again from
     * the review screen). False when someone changed it since, or when its state is one a rejection does not apply to.
     */
    boolean withdraw(Translation translation, String operator, String reason);

    /**
     * Sends {@code translation}, as it was read, back to the batch to be translated anew (as a new article's); the text
     * it had stays in the history, from which an editor can bring it back. False when someone changed it since.
     */
    boolean sendBack(Translation translation, String operator, String reason);
}
