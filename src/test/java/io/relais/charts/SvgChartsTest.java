package io.relais.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SvgChartsTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    static long count(String svg, String regex) {
        return Pattern.compile(regex).matcher(svg).results().count();
    }

    @Test
    void aLineChartHasOneLinePerSeriesWithItsNameInTheLegendAndDatesOnTheAxis() {
        Map<String, Map<LocalDate, Double>> series = new TreeMap<>();
        series.put("es", Map.of(MONDAY, 80.0, MONDAY.plusDays(1), 75.5));
        series.put("en · deepl", Map.of(MONDAY, 90.0));
        String svg = SvgCharts.lines("Quality", series, 0, 100, 70.0, Locale.ENGLISH);
        assertThat(count(svg, "<polyline")).isEqualTo(2);
        assertThat(count(svg, "<circle")).isEqualTo(3);
        assertThat(svg).contains(">es</text>").contains(">en · deepl</text>").contains(">23 Nov</text>")
                .contains("stroke-dasharray").contains("<title>Quality</title>").contains("role='img'");
    }

    @Test
    void numbersInTheMarkupUseADotWhateverTheLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRANCE);
        try {
            String svg = SvgCharts.lines("Qualité", Map.of("fr", Map.of(MONDAY, 33.3, MONDAY.plusDays(3), 66.6)), 0, 100,
                    null, Locale.FRENCH);
            assertThat(svg).doesNotContainPattern("points='[^']*\\d,\\d+,").contains("23 nov.");
            assertThat(svg).containsPattern("cx='\\d+\\.\\d'");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void textIsEscaped() {
        String svg = SvgCharts.bars("<script>alert(1)</script>", List.of(new SvgCharts.Bar("#1", 3, "<b>")), "s");
        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>").contains("&lt;script&gt;");
    }

    @Test
    void stackedSharesAddUpToTheWholeHeightAndNameEachPart() {
        TreeMap<LocalDate, List<SvgCharts.Part>> days = new TreeMap<>();
        days.put(MONDAY, List.of(new SvgCharts.Part("auto", 3), new SvgCharts.Part("approved", 1)));
        String svg = SvgCharts.shares("Outcomes", days, Locale.ENGLISH);
        assertThat(svg).contains("auto: 3 (75 %)").contains("approved: 1 (25 %)");
    }

    @Test
    void aChartWithoutDataSaysSoInsteadOfDrawingAxesForNothing() {
        assertThat(SvgCharts.lines("Quality", Map.of(), 0, 100, null, Locale.ENGLISH)).contains(">—</text>")
                .doesNotContain("<polyline");
    }
}
