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

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.relais.translation.TranslationStatistics;
import io.relais.charts.SvgCharts;

/**
 * The dashboard's pictures, for the languages the user reviews: quality score per day (one line per language, per
 * engine when a language used several), how each day's translations ended, and the review backlog over time.
 */
@Component
class DashboardCharts {

    private static final int DAYS = 14;

    private final TranslationStatistics statistics;
    private final MessageSource messages;
    private final double threshold;

    DashboardCharts(TranslationStatistics statistics, MessageSource messages,
                    @org.springframework.beans.factory.annotation.Value("${relais.quality.auto-approve-threshold:70}") double threshold) {
        this.statistics = statistics;
        this.messages = messages;
        this.threshold = threshold;
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
        model.addAttribute("qualityChart", SvgCharts.lines(text("review.chart.quality", locale), lines, first, today, 0, 100,
                threshold, locale));

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

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
