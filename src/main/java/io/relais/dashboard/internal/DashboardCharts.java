package io.relais.dashboard.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.relais.charts.SvgCharts;
import io.relais.quality.VerdictPolicy;
import io.relais.translation.TranslationStatistics;

/**
 * The dashboard's pictures, for the languages the user reviews: quality score per day (one line per language, per
 * engine when a language used several) with the auto-approval thresholds the quality gate applies to those
 * languages, how each day's translations ended, and the review backlog over time.
 */
@Component
class DashboardCharts {

    private static final int DAYS = 14;

    private final TranslationStatistics statistics;
    private final MessageSource messages;
    private final VerdictPolicy gate;

    DashboardCharts(TranslationStatistics statistics, MessageSource messages, VerdictPolicy gate) {
        this.statistics = statistics;
        this.messages = messages;
        this.gate = gate;
    }

    void add(Model model, Collection<String> languages, Locale locale) {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusDays(DAYS);
        List<TranslationStatistics.DailyScore> scores = statistics.scoresByDay(since).stream()
                .filter(s -> languages.contains(s.lang())).toList();
        Map<String, Long> enginesPerLanguage = new LinkedHashMap<>();
        scores.stream().map(s -> s.lang() + "\u0000" + s.engine()).distinct()
                .forEach(key -> enginesPerLanguage.merge(key.substring(0, key.indexOf('\u0000')), 1L, Long::sum));
        Map<String, Map<LocalDate, Double>> lines = new TreeMap<>();
        for (TranslationStatistics.DailyScore s : scores) {
            String name = enginesPerLanguage.get(s.lang()) > 1 ? s.lang() + " · " + s.engine() : s.lang();
            lines.computeIfAbsent(name, k -> new TreeMap<>()).put(s.day(), s.score());
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1);
        Map<String, Double> thresholds = new LinkedHashMap<>();
        languages.forEach(lang -> thresholds.put(lang, gate.threshold(lang)));
        Double line = sharedThreshold(thresholds);
        model.addAttribute("qualityChart", SvgCharts.lines(text("review.chart.quality", locale), lines, first, today, 0, 100,
                line, locale));
        model.addAttribute("thresholdsCaption", thresholdsCaption(thresholds, line, locale));

        TreeMap<LocalDate, List<SvgCharts.Part>> outcomes = new TreeMap<>();
        for (TranslationStatistics.DailyOutcome day : statistics.outcomesByDay(since)) {
            outcomes.put(day.day(), List.of(
                    new SvgCharts.Part(text("review.outcome.auto", locale), day.autoApproved()),
                    new SvgCharts.Part(text("review.outcome.approved", locale), day.approved()),
                    new SvgCharts.Part(text("review.outcome.rejected", locale), day.rejected()),
                    new SvgCharts.Part(text("review.outcome.waiting", locale), day.waiting()),
                    new SvgCharts.Part(text("review.outcome.failed", locale), day.failed())));
        }
        model.addAttribute("outcomesChart", SvgCharts.shares(text("review.chart.outcomes", locale), outcomes, locale));

        Map<LocalDate, Long> backlog = statistics.backlogByDay(first, today);
        double max = Math.max(10, backlog.values().stream().mapToLong(Long::longValue).max().orElse(0) * 1.2);
        model.addAttribute("backlogChart", SvgCharts.lines(text("review.chart.backlog", locale),
                Map.of(text("state.NEEDS_REVIEW", locale), backlog), 0, Math.ceil(max), null, locale));
    }

    /** The threshold every shown language shares, when it is on the chart's 0–100 scale: drawn as a dashed line. */
    static Double sharedThreshold(Map<String, Double> thresholds) {
        List<Double> distinct = thresholds.values().stream().distinct().toList();
        return distinct.size() == 1 && onScale(distinct.get(0)) ? distinct.get(0) : null;
    }

    /**
     * The thresholds in words: the shared one (with the dashed line), or one per language; "none" where the gate
     * approves nothing without review (no fitted model and no override, or a threshold no score reaches).
     */
    private String thresholdsCaption(Map<String, Double> thresholds, Double line, Locale locale) {
        if (line != null) {
            return messages.getMessage("review.threshold.line", new Object[] {number(line)}, locale);
        }
        if (thresholds.values().stream().noneMatch(DashboardCharts::onScale)) {
            return text("review.threshold.none", locale);
        }
        return thresholds.entrySet().stream()
                .map(t -> t.getKey() + " " + (onScale(t.getValue()) ? number(t.getValue()) : text("review.threshold.none", locale)))
                .collect(Collectors.joining(" · "));
    }

    private static boolean onScale(double threshold) {
        return threshold >= 0 && threshold <= 100;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
