package io.relais.charts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.web.util.HtmlUtils;

/**
 * Line charts over days (one line per series, with axes, date ticks and a legend), stacked shares per day and
 * labelled bars, as SVG markup. Every text is escaped; the markup is meant for {@code th:utext}.
 */
public final class SvgCharts {

    /** A palette that stays apart for the colour-blind (Okabe–Ito). */
    private static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000",
            "#F0E442"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int LEFT = 44;
    private static final int RIGHT = 26;
    private static final int TOP = 12;
    private static final int BOTTOM = 34;

    private SvgCharts() {
    }

    /** One named value per bar, e.g. a run and its duration; {@code label} is printed above the bar. */
    public record Bar(String name, double value, String label) {
    }

    /** One part of a stacked bar, e.g. the translations published without review on a day. */
    public record Part(String name, double value) {
    }

    /**
     * Lines over days: {@code series} maps a name (a language, or a language and an engine) to its values by day; the
     * y axis runs from {@code yMin} to {@code yMax}; {@code reference}, when not null, is drawn as a dashed line.
     */
    public static String lines(String title, Map<String, ? extends Map<LocalDate, ? extends Number>> series,
                               double yMin, double yMax, Double reference, Locale locale) {
        return lines(title, series, null, null, yMin, yMax, reference, locale);
    }

    /** The same over a fixed span of days ({@code from} and {@code to} null: the days that have values). */
    public static String lines(String title, Map<String, ? extends Map<LocalDate, ? extends Number>> series,
                               LocalDate from, LocalDate to, double yMin, double yMax, Double reference, Locale locale) {
        TreeSet<LocalDate> days = new TreeSet<>();
        series.values().forEach(s -> days.addAll(s.keySet()));
        StringBuilder svg = open(title);
        if (days.isEmpty()) {
            return empty(svg);
        }
        LocalDate first = from != null ? from : days.first();
        LocalDate last = to != null ? to : days.last();
        last = last.isAfter(first) ? last : first.plusDays(1);
        long span = last.toEpochDay() - first.toEpochDay();
        yAxis(svg, yMin, yMax);
        xAxisDays(svg, first, last, locale);
        if (reference != null) {
            double y = y(reference, yMin, yMax);
            svg.append(f("<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#b07a00' stroke-dasharray='4 3'/>", LEFT, y, WIDTH - RIGHT, y));
        }
        int i = 0;
        List<String> legend = new ArrayList<>();
        for (var entry : series.entrySet()) {
            String colour = COLOURS[i++ % COLOURS.length];
            legend.add(colour + "|" + entry.getKey());
            StringBuilder points = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (var point : new TreeMap<>(entry.getValue()).entrySet()) {
                double x = LEFT + (WIDTH - LEFT - RIGHT) * (point.getKey().toEpochDay() - first.toEpochDay()) / (double) span;
                double y = y(point.getValue().doubleValue(), yMin, yMax);
                points.append(f("%.1f,%.1f ", x, y));
                dots.append(f("<circle cx='%.1f' cy='%.1f' r='3' fill='%s'><title>%s</title></circle>", x, y, colour,
                        esc(entry.getKey() + " " + point.getKey() + ": " + f("%.1f", point.getValue().doubleValue()))));
            }
            svg.append(f("<polyline fill='none' stroke-width='2' stroke='%s' points='%s'/>", colour, points.toString().strip()));
            svg.append(dots);
        }
        return legend(svg, legend);
    }

    /** One stacked bar per day, each part its share of the day (0–100 %). */
    public static String shares(String title, SortedMap<LocalDate, List<Part>> days, Locale locale) {
        StringBuilder svg = open(title);
        if (days.isEmpty()) {
            return empty(svg);
        }
        yAxis(svg, 0, 100);
        int n = days.size();
        double slot = (WIDTH - LEFT - RIGHT) / (double) n;
        double barWidth = Math.min(36, slot * 0.7);
        int d = 0;
        List<String> legend = new ArrayList<>();
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM", locale);
        for (var day : days.entrySet()) {
            double total = day.getValue().stream().mapToDouble(Part::value).sum();
            double x = LEFT + slot * d + (slot - barWidth) / 2;
            double base = HEIGHT - BOTTOM;
            int p = 0;
            for (Part part : day.getValue()) {
                String colour = COLOURS[p++ % COLOURS.length];
                if (d == 0) {
                    legend.add(colour + "|" + part.name());
                }
                double share = total == 0 ? 0 : 100 * part.value() / total;
                double h = (HEIGHT - TOP - BOTTOM) * share / 100;
                base -= h;
                svg.append(f("<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>%s</title></rect>", 
                        x, base, barWidth, h, colour, esc(day.getKey() + " " + part.name() + ": " + Math.round(part.value())
                                + " (" + Math.round(share) + " %)")));
            }
            if (n <= 16 || d % Math.ceil(n / 16.0) == 0) {
                svg.append(text(x + barWidth / 2, HEIGHT - BOTTOM + 14, "middle", day.getKey().format(format)));
            }
            d++;
        }
        return legend(svg, legend);
    }

    /** Labelled bars, left to right, scaled to the largest value. */
    public static String bars(String title, List<Bar> bars, String unit) {
        StringBuilder svg = open(title);
        if (bars.isEmpty()) {
            return empty(svg);
        }
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        max = max <= 0 ? 1 : niceCeiling(max);
        yAxis(svg, 0, max);
        svg.append(text(4, TOP + 4, "start", unit));
        double slot = (WIDTH - LEFT - RIGHT) / (double) bars.size();
        double barWidth = Math.min(40, slot * 0.7);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            double y = y(bar.value(), 0, max);
            svg.append(f("<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>%s</title></rect>", 
                    x, y, barWidth, HEIGHT - BOTTOM - y, COLOURS[0], esc(bar.name() + ": " + bar.label())));
            if (bars.size() <= 20) {
                svg.append(text(x + barWidth / 2, y - 3, "middle", bar.label()));
                svg.append(text(x + barWidth / 2, HEIGHT - BOTTOM + 14, "middle", bar.name()));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        return new StringBuilder(f("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' width='100%%' style='max-width:%dpx' role='img' aria-label='%s'><title>%s</title>", WIDTH, HEIGHT + 24, WIDTH, esc(title), esc(title)))
                .append(f("<rect x='0' y='0' width='%d' height='%d' fill='#fff'/>", WIDTH, HEIGHT + 24));
    }

    private static String empty(StringBuilder svg) {
        return svg.append(text(WIDTH / 2.0, HEIGHT / 2.0, "middle", "—")).append("</svg>").toString();
    }

    private static void yAxis(StringBuilder svg, double min, double max) {
        svg.append(f("<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#5b6573'/>", LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        for (int t = 0; t <= 4; t++) {
            double value = min + (max - min) * t / 4;
            double y = y(value, min, max);
            svg.append(f("<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#e3e6ea'/>", LEFT, y, WIDTH - RIGHT, y));
            svg.append(text(LEFT - 5, y + 4, "end", value == Math.rint(value) ? String.valueOf((long) value)
                    : f("%.1f", value)));
        }
    }

    private static void xAxisDays(StringBuilder svg, LocalDate first, LocalDate last, Locale locale) {
        svg.append(f("<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#5b6573'/>", LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT,
                HEIGHT - BOTTOM));
        long span = last.toEpochDay() - first.toEpochDay();
        long step = Math.max(1, (long) Math.ceil(span / 6.0));
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM", locale);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(step)) {
            double x = LEFT + (WIDTH - LEFT - RIGHT) * (day.toEpochDay() - first.toEpochDay()) / (double) span;
            svg.append(f("<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#5b6573'/>", x, HEIGHT - BOTTOM, x,
                    HEIGHT - BOTTOM + 4));
            svg.append(text(x, HEIGHT - BOTTOM + 16, "middle", day.format(format)));
        }
    }

    private static String legend(StringBuilder svg, List<String> entries) {
        double x = LEFT;
        for (String entry : entries) {
            String colour = entry.substring(0, entry.indexOf('|'));
            String name = entry.substring(entry.indexOf('|') + 1);
            svg.append(f("<rect x='%.1f' y='%d' width='10' height='10' fill='%s'/>", x, HEIGHT + 6, colour));
            svg.append(text(x + 14, HEIGHT + 15, "start", name));
            x += 24 + name.length() * 7;
        }
        return svg.append("</svg>").toString();
    }

    private static double y(double value, double min, double max) {
        double clamped = Math.max(min, Math.min(max, value));
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (clamped - min) / (max - min == 0 ? 1 : max - min);
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String text(double x, double y, String anchor, String content) {
        return f("<text x='%.1f' y='%.1f' text-anchor='%s' font-size='11' fill='#3b4450'>%s</text>", x, y, anchor,
                esc(content));
    }

    /** Numbers in SVG are written with a dot, whatever the default locale. */
    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
    }
}
