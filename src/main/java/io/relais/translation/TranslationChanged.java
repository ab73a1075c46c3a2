package io.relais.translation;

/**
 * A translation's state or text was changed by an action (an editor's at the review desk, an operator's in the
 * console: withdrawn, asked to be translated again), announced in the action's transaction, before its commit, with
 * the translation as it was and as it is. What must agree with the translations (the translation memory says what
 * the approvals in force say) follows it there, whichever module made the change. The batch's machine translations
 * are not announced here: they never leave or enter an approval.
 */
public record TranslationChanged(Translation before, Translation after) {
}
