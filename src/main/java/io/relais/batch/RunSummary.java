package io.relais.batch;

import java.util.Map;

/** One localize run with its per-language progress, as {@code GET /api/jobs} and the dashboard show it. */
public record RunSummary(long id, long instance, String status, String exitCode, String startTime, String endTime,
                         long read, long written, Map<String, LanguageRun> languages, String reason) {

    /** One language of a run: its step's status and counts, and how much came from the translation memory. */
    public record LanguageRun(String status, long read, long written, long skipped, long commits, long segments,
                              long memoryHits, double memoryHitRate) {
    }

    public boolean running() {
        return "STARTING".equals(status) || "STARTED".equals(status) || "STOPPING".equals(status);
    }
}
