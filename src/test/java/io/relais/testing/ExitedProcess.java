package io.relais.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Why a service process the test started has exited, in one line for the failure's message: CI prints the end of
 * the build's output, not the process's log, so "see the log" alone left a failure there unexplained.
 */
public final class ExitedProcess {

    private static final int MAX = 600;

    private ExitedProcess() {
    }

    /** "{@code what} exited (code N): reason — see log". */
    public static String message(String what, Process process, Path log) {
        String code = process.isAlive() ? "" : " (code " + process.exitValue() + ")";
        return what + " exited" + code + ": " + reason(log) + " — see " + log;
    }

    /**
     * Spring Boot's failure analysis ("APPLICATION FAILED TO START", its description), else the innermost cause
     * printed, else the last error or line of the log.
     */
    static String reason(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "no log (" + e + ")";
        }
        int analysis = lastIndexOf(lines, "APPLICATION FAILED TO START");
        if (analysis >= 0) {
            StringBuilder description = new StringBuilder();
            for (String line : lines.subList(analysis + 1, lines.size())) {
                if (line.strip().equals("Action:")) {
                    break;
                }
                if (!line.isBlank() && !line.startsWith("*") && !line.strip().equals("Description:")) {
                    description.append(description.isEmpty() ? "" : " ").append(line.strip());
                }
            }
            return cut(description.toString());
        }
        for (String prefix : List.of("Caused by:", "Exception in thread", " ERROR ")) {
            int at = lastIndexOf(lines, prefix);
            if (at >= 0) {
                return cut(lines.get(at).strip());
            }
        }
        return lines.isEmpty() ? "an empty log" : cut(lines.get(lines.size() - 1).strip());
    }

    private static int lastIndexOf(List<String> lines, String part) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    private static String cut(String line) {
        return line.length() <= MAX ? line : line.substring(0, MAX) + "…";
    }
}
