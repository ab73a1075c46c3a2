package io.relais.translation;

import java.util.EnumSet;
import java.util.Set;

import static io.relais.translation.TranslationState.APPROVED;
import static io.relais.translation.TranslationState.AUTO_APPROVED;
import static io.relais.translation.TranslationState.FAILED;
import static io.relais.translation.TranslationState.NEEDS_REVIEW;
import static io.relais.translation.TranslationState.REJECTED;

/**
 * What an editor may do to a translation: the states each action is allowed from, and the state it leaves. The one
 * place the review transitions are defined; {@link Translations#apply} refuses any other.
 */
public enum TranslationAction {

    /** Changes the text; the state stays, except that a FAILED translation given a text needs review. */
    EDIT("edit", EnumSet.of(NEEDS_REVIEW, FAILED, AUTO_APPROVED, APPROVED), null),
    APPROVE("approve", EnumSet.of(NEEDS_REVIEW, FAILED, AUTO_APPROVED), APPROVED),
    REJECT("reject", EnumSet.of(NEEDS_REVIEW, FAILED, AUTO_APPROVED, APPROVED), REJECTED),
    /** Another engine's text, for the editor to review. */
    RETRANSLATE("re-translate", EnumSet.of(NEEDS_REVIEW, FAILED, AUTO_APPROVED, APPROVED, REJECTED), NEEDS_REVIEW),
    /**
     * Takes back an approval (an editor's, or the quality gate's) or a rejection: the text, unchanged, goes back to
     * review, and what was published of it is withdrawn from the feeds (which follow the state).
     */
    REOPEN("reopen", EnumSet.of(APPROVED, AUTO_APPROVED, REJECTED), NEEDS_REVIEW);

    private final String verb;
    private final Set<TranslationState> from;
    private final TranslationState to;

    TranslationAction(String verb, Set<TranslationState> from, TranslationState to) {
        this.verb = verb;
        this.from = from;
        this.to = to;
    }

    public boolean allowedIn(TranslationState state) {
        return from.contains(state);
    }

    /** The state a translation in {@code current} is in after this action; refused when not allowed from it. */
    public TranslationState next(TranslationState current) {
        if (!allowedIn(current)) {
            throw new TransitionRefusedException(this, current);
        }
        if (to != null) {
            return to;
        }
        return current == FAILED ? NEEDS_REVIEW : current;
    }

    public String verb() {
        return verb;
    }

    /** An action asked of a translation in a state it is not allowed from. */
    public static class TransitionRefusedException extends IllegalStateException {

        private final transient TranslationAction action;
        private final TranslationState state;

        TransitionRefusedException(TranslationAction action, TranslationState state) {
            super("cannot " + action.verb() + " a translation in state " + state);
            this.action = action;
            this.state = state;
        }

        public TranslationAction action() {
            return action;
        }

        public TranslationState state() {
            return state;
        }
    }
}
