package io.relais.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds used by this JVM and every process below it (the Apertium pipelines it keeps warm, the
 * {@code apertium} commands it waits for), read from {@code /proc}: the JVM's own clock cannot see child processes,
 * and a machine-wide figure would count other users of the cores. Linux only; 0 elsewhere.
 */
final class ProcessTreeCpu {

    /** Linux's USER_HZ: {@code /proc/<pid>/stat} times are in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessTreeCpu() {
    }

    /** utime + stime + cutime + cstime of this process and of each live descendant (reaped ones are in cutime). */
    static double seconds() {
        return seconds(ProcessHandle.current());
    }

    /** The same for another process (a service the bench started) and its live descendants. */
    static double seconds(ProcessHandle process) {
        double ticks = ticks(process.pid());
        for (ProcessHandle child : process.descendants().toList()) {
            ticks += ticks(child.pid());
        }
        return ticks / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds of one process so far, split: {its JIT compiler threads, its garbage collector threads, all its
     * threads, its live descendants}. Read from /proc/PID/task/TID/stat, whose command field is the thread's name.
     */
    static double[] split(ProcessHandle process) {
        double jit = 0;
        double gc = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double t = (Double.parseDouble(f[11]) + Double.parseDouble(f[12])) / TICKS_PER_SECOND;
                    if (name.contains("CompilerThre")) {
                        jit += t;
                    } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                        gc += t;
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile: its time is in the process's own
                }
            }
        } catch (IOException e) {
            return new double[4];
        }
        double children = 0;
        for (ProcessHandle child : process.descendants().toList()) {
            children += ticks(child.pid()) / TICKS_PER_SECOND;
        }
        return new double[] {jit, gc, ticks(process.pid()) / TICKS_PER_SECOND, children};
    }

    private static double ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name (which may hold spaces) start after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): utime, stime, cutime, cstime are fields 14-17
            return Double.parseDouble(f[11]) + Double.parseDouble(f[12]) + Double.parseDouble(f[13])
                    + Double.parseDouble(f[14]);
        } catch (IOException | RuntimeException e) {
            return 0;   // not Linux, or the process ended meanwhile
        }
    }
}
