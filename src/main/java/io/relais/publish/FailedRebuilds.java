package io.relais.publish;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The languages whose last rebuild of the feeds failed, with how many times in a row: what the catch-up rebuilds
 * again, and whether a failure is the first of its run (the one said at WARN).
 */
final class FailedRebuilds {

    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    /** Records a failure; true for the first since the language's last success. */
    boolean failed(String lang) {
        return failures.merge(lang, 1, Integer::sum) == 1;
    }

    /** Records a success; true when the language had failed before it. */
    boolean succeeded(String lang) {
        return !failures.isEmpty() && failures.remove(lang) != null;
    }

    Set<String> languages() {
        return Set.copyOf(failures.keySet());
    }
}
