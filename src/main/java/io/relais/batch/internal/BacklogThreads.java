package io.relais.batch.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of this machine's backlog partitions, each at a lower scheduling priority than the rest of the process
 * (its nice value raised by {@value #NICER}; Linux): when the express lane needs the cores the kernel gives them to it
 * at once, and the cores it leaves idle (an article's last languages waiting for Apertium, LanguageTool on a few
 * segments) go on with the backlog instead of staying idle. A backlog thread that waited between chunks whenever
 * express work ran ({@link LaneGate}) left most of two cores unused for as long as a breaking article took: with an
 * article every few seconds, the backlog ran at 0.39 of the raw tools' rate.
 * <p>
 * Written by hand: Java cannot set a thread's OS priority ({@link Thread#setPriority} is ignored on Linux unless the
 * JVM runs as root with {@code -XX:ThreadPriorityPolicy=1}), so each thread asks {@code renice} (util-linux, in every
 * Debian) for itself, found through {@code /proc/thread-self}. Lowering one's own priority needs no privilege. Where
 * it cannot be done (not Linux, no renice) the thread keeps its priority and {@link #lowered()} is false: the backlog
 * then waits between chunks while express work runs, as before.
 */
final class BacklogThreads implements ThreadFactory {

    private static final Logger log = LoggerFactory.getLogger(BacklogThreads.class);

    /** How much lower than the process a backlog thread runs: the kernel gives a nice-10 thread a tenth of the CPU
     * time of a nice-0 one when both want it, and all of it when the other does not. */
    static final int NICER = 10;

    private static final ThreadLocal<Boolean> LOWERED = ThreadLocal.withInitial(() -> false);

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    BacklogThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        return new Thread(() -> {
            LOWERED.set(lowerThisThread());
            task.run();
        }, prefix + count.incrementAndGet());
    }

    /** Whether the calling thread is a backlog thread whose OS priority was lowered. */
    static boolean lowered() {
        return LOWERED.get();
    }

    /** The calling thread's nice value, or null where it cannot be read. */
    static Integer niceness() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // fields after the command name (which may hold spaces) start after the last ')': nice is field 19
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean lowerThisThread() {
        Integer nice = niceness();
        if (nice == null) {
            return false;
        }
        try {
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(Math.min(19, nice + NICER)), "-p", self)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(10, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return false;
            }
            Integer now = niceness();
            return renice.exitValue() == 0 && now != null && now > nice;
        } catch (IOException | RuntimeException e) {
            log.debug("Backlog thread not lowered ({}): it waits for the express lane between chunks", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
