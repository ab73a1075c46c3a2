package io.relais.console.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.relais.charts.SvgCharts;

/** The console's pictures: run history as bars of duration, labelled with words per second. */
@Component
class Charts {

    String runHistory(List<ConsoleRunsPages.RunView> oldestFirst) {
        List<SvgCharts.Bar> bars = oldestFirst.stream().filter(v -> v.duration() != null)
                .map(v -> new SvgCharts.Bar("#" + v.run().id(), v.duration().toMillis() / 1000.0,
                        v.durationText() + " · " + String.format(Locale.ROOT, "%.0f", v.wordsPerSecond()) + " w/s"))
                .toList();
        return SvgCharts.bars("Run history: duration of each run (seconds), labelled with words per second", bars, "s");
    }
}
