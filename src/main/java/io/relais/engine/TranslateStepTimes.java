package io.relais.engine;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The time the quality work adds to translating, kept apart so that its cost stays visible: scoring the candidate
 * routes of a segment ({@link RouteChoice}) and the target-language finishing ({@link TargetFinishing}). Summed over
 * threads, as the metric {@code relais.translate.step} (tag {@code step}) on {@code /actuator/metrics}.
 */
public class TranslateStepTimes {

    /** The steps of a segment's translation timed on their own (the engine's time is the rest). */
    public enum Step { SCORING, FINISHING }

    public static final String METRIC = "relais.translate.step";

    /** Times nothing. */
    public static final TranslateStepTimes NONE = new TranslateStepTimes(null);

    private final Map<Step, Timer> timers = new EnumMap<>(Step.class);

    public TranslateStepTimes(MeterRegistry registry) {
        if (registry != null) {
            for (Step step : Step.values()) {
                timers.put(step, Timer.builder(METRIC).tag("step", step.name().toLowerCase(Locale.ROOT))
                        .description("time spent in a step of translating a segment beside the engine, summed over threads")
                        .register(registry));
            }
        }
    }

    public <T> T time(Step step, Supplier<T> work) {
        Timer timer = timers.get(step);
        return timer == null ? work.get() : timer.record(work);
    }

    /** A scorer whose time is counted as {@link Step#SCORING}. */
    public SegmentScorer timed(SegmentScorer scorer) {
        return timers.isEmpty() ? scorer : (segment, target) -> time(Step.SCORING, () -> scorer.score(segment, target));
    }

    /** Total time recorded so far in a step. */
    public Duration total(Step step) {
        Timer timer = timers.get(step);
        return timer == null ? Duration.ZERO : Duration.ofNanos((long) timer.totalTime(TimeUnit.NANOSECONDS));
    }
}
