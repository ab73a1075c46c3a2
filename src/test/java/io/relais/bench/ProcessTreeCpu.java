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
        double ticks = ticks(ProcessHandle.current().pid());
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            ticks += ticks(child.pid());
        }
        return ticks / TICKS_PER_SECOND;
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
