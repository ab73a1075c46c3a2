package io.relais.engine;

import java.util.function.Supplier;

/**
 * Translations that may wait: a backlog's. An engine that keeps warm processes (Apertium) serves them on processes
 * of their own, at a lower OS priority, so that a breaking article's requests never queue behind a backlog's in one
 * pipeline and the kernel gives the cores to the article's programs first. Everything else (the express lane, an
 * editor's request, the warm-up) is foreground work, the default.
 */
public final class BackgroundWork {

    private static final ThreadLocal<Boolean> ON = ThreadLocal.withInitial(() -> false);

    private BackgroundWork() {
    }

    /** Runs {@code work} on this thread as background work (engines' calls made by it included). */
    public static <T> T call(Supplier<T> work) {
        if (ON.get()) {
            return work.get();
        }
        ON.set(true);
        try {
            return work.get();
        } finally {
            ON.remove();
        }
    }

    /** Whether the calling thread is doing background work. */
    public static boolean current() {
        return ON.get();
    }
}
