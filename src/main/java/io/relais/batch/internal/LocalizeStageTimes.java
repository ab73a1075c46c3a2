package io.relais.batch.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Where a localize run's time goes, stage by stage, summed over the worker threads: the metric
 * {@code relais.localize.stage} (tag {@code stage}) on {@code /actuator/metrics}, and the shares bench/pipeline prints.
 */
public class LocalizeStageTimes {

    /** The stages of a worker step, plus the publication of the feeds a run changed. */
    public enum Stage { READ, TRANSLATE, CHECK, WRITE, PUBLISH }

    public static final String METRIC = "relais.localize.stage";

    /** Times nothing: for a processor built outside a run (tests, tools). */
    public static final LocalizeStageTimes NONE = new LocalizeStageTimes(null);

    private final Map<Stage, Timer> timers = new EnumMap<>(Stage.class);

    public LocalizeStageTimes(MeterRegistry registry) {
        if (registry != null) {
            for (Stage stage : Stage.values()) {
                timers.put(stage, Timer.builder(METRIC).tag("stage", stage.name().toLowerCase(Locale.ROOT))
                        .description("time spent in a stage of the localize job, summed over threads")
                        .register(registry));
            }
        }
    }

    public void add(Stage stage, long nanos) {
        Timer timer = timers.get(stage);
        if (timer != null) {
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Total time recorded so far in a stage. */
    public Duration total(Stage stage) {
        Timer timer = timers.get(stage);
        return timer == null ? Duration.ZERO : Duration.ofNanos((long) timer.totalTime(TimeUnit.NANOSECONDS));
    }
}
