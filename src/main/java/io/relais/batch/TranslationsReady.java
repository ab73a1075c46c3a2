package io.relais.batch;

import java.util.List;

/** Published when a localize run ends: the feeds of these languages may have changed. */
public record TranslationsReady(long jobExecutionId, List<String> languages, String status) {
}
