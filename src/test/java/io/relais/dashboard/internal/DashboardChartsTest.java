package io.relais.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.ui.ExtendedModelMap;

import io.relais.quality.VerdictPolicy;
import io.relais.translation.TranslationStatistics;

/** The quality chart shows the thresholds the quality gate applies, not a number of the dashboard's own. */
class DashboardChartsTest {

    private static String caption(VerdictPolicy gate, List<String> languages) {
        TranslationStatistics statistics = mock(TranslationStatistics.class);
        when(statistics.scoresByDay(any())).thenReturn(List.of(new TranslationStatistics.DailyScore("es", "apertium",
                LocalDate.now(ZoneOffset.UTC), 64, 3)));
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setAlwaysUseMessageFormat(true);
        ExtendedModelMap model = new ExtendedModelMap();
        new DashboardCharts(statistics, messages, gate).add(model, languages, Locale.ENGLISH);
        return model.getAttribute("thresholdsCaption") + " | " + model.getAttribute("qualityChart");
    }

    @Test
    void oneThresholdForEveryLanguageIsDrawnAsTheDashedLineAndNamed() {
        String shown = caption(new VerdictPolicy(Map.of(), 55.0, lang -> OptionalDouble.empty()), List.of("es", "ca"));
        assertThat(shown).startsWith("55, the dashed line |").contains("stroke-dasharray");
    }

    @Test
    void fittedThresholdsThatNoScoreReachesMeanEveryTranslationIsReviewedAndNoLineIsDrawn() {
        String shown = caption(new VerdictPolicy(Map.of(), null, lang -> OptionalDouble.of(101)), List.of("es", "ca"));
        assertThat(shown).startsWith("none, every translation is reviewed |").doesNotContain("stroke-dasharray");
    }

    @Test
    void differentThresholdsPerLanguageAreListedPerLanguage() {
        String shown = caption(new VerdictPolicy(Map.of("es", 60.0), null, lang -> OptionalDouble.empty()),
                List.of("es", "ca"));
        assertThat(shown).startsWith("es 60 · ca none, every translation is reviewed |").doesNotContain("stroke-dasharray");
    }
}
