package io.relais.batch.internal;

import java.util.function.Predicate;

/** A failure and the causes it wraps, as the job repository's and the lanes' decisions read them. */
public final class FailureCauses {

    private FailureCauses() {
    }

    /** Whether the failure, or any cause it wraps, is one {@code kind} accepts (a cause that is itself ends the chain). */
    public static boolean any(Throwable failure, Predicate<Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.test(t)) {
                return true;
            }
        }
        return false;
    }
}
