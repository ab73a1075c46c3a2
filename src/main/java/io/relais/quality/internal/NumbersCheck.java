package io.relais.quality.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.relais.article.Article;
import io.relais.quality.QualityIssue;
import io.relais.engine.finishing.NumberLocalizer;
import io.relais.engine.finishing.NumericValue;

/**
 * Every number, percentage and time of the source must be in the translation with the same value, as
 * {@link NumberLocalizer#extract} reads them in each language's conventions ({@code 1.823} in French is
 * {@code 1,823} in English; {@code 15h30} is {@code 3:30 p.m.}). A changed figure is blocking.
 */
public class NumbersCheck implements MtCheck {

    /** 24-hour times as the Romance targets write them ({@code 15:30}), read before the plain numbers. */
    private static final Pattern CLOCK = Pattern.compile("(?<![\\d.,:])([01]?\\d|2[0-3]):([0-5]\\d)(?![\\d:])");

    @Override
    public String name() {
        return "numbers";
    }

    @Override
    public List<QualityIssue> check(CheckedSegment s) {
        Map<String, Integer> expected = new HashMap<>();
        for (NumericValue v : NumberLocalizer.extract(s.sourceText(), Article.SOURCE_LANGUAGE)) {
            if (!s.targetText().contains(v.surface().strip())) {
                expected.merge(key(v.kind(), v.value()), 1, Integer::sum);
            }
        }
        List<QualityIssue> issues = new ArrayList<>();
        for (NumericValue v : values(s.targetText(), s.lang())) {
            String key = key(v.kind(), v.value());
            if (s.sourceText().contains(v.surface().strip())) {
                continue;   // copied as it is ("802.11", a code): the same figure, whatever each side reads in it
            }
            if (expected.getOrDefault(key, 0) > 0) {
                expected.merge(key, -1, Integer::sum);
            } else {
                issues.add(blocking("NUMBER_NOT_IN_SOURCE", "This figure is not in the French text: " + v.surface(),
                        v.start(), v.end(), null, v.surface()));
            }
        }
        expected.forEach((key, left) -> {
            if (left > 0) {
                issues.add(blocking("NUMBER_MISSING", "A figure of the French text is missing: " + key, -1, -1, null,
                        key));
            }
        });
        return issues;
    }

    private static List<NumericValue> values(String text, String lang) {
        List<NumericValue> values = new ArrayList<>();
        StringBuilder rest = new StringBuilder(text);
        if (!"en".equals(lang)) {
            Matcher clock = CLOCK.matcher(text);
            while (clock.find()) {
                int minutes = Integer.parseInt(clock.group(1)) * 60 + Integer.parseInt(clock.group(2));
                values.add(new NumericValue(NumericValue.Kind.TIME, BigDecimal.valueOf(minutes), clock.group(),
                        clock.start(), clock.end()));
                for (int i = clock.start(); i < clock.end(); i++) {
                    rest.setCharAt(i, ' ');
                }
            }
        }
        values.addAll(NumberLocalizer.extract(rest.toString(), lang));
        return values;
    }

    /** Numbers and percentages compare by value (“5 %” may lose its sign in a sentence), times as times. */
    private static String key(NumericValue.Kind kind, BigDecimal value) {
        String number = value.stripTrailingZeros().toPlainString();
        return kind == NumericValue.Kind.TIME ? "time " + (value.intValue() / 60) + ":"
                + String.format("%02d", value.intValue() % 60) : number;
    }
}
