package io.relais.engine.finishing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the numbers, percentages and times of a French text in the conventions of the target language, never
 * changing a value: {@code 1.823} and {@code 1 823} become {@code 1,823} in English, {@code 3,5 %} becomes
 * {@code 3.5%}, {@code 15h30} becomes {@code 3:30 p.m.} in English and {@code 15:30} in Spanish. Done on the French
 * text before translation, because rule-based engines copy numbers as they are and leave French formats in
 * English. Written by hand: {@link java.text.NumberFormat} formats but does not find numbers in running text, and
 * French text mixes dot, space and no-break-space grouping.
 */
public final class NumberLocalizer {

    /** Grouped thousands (dot, space, no-break or narrow no-break space) or a plain integer, with decimals. */
    private static final String NUMBER =
            "(?<int>\\d{1,3}(?:(?<sep>[.\\u00A0\\u202F ])\\d{3})(?:\\k<sep>\\d{3})*|\\d+)(?:,(?<dec>\\d+))?";
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![\\d.,\\p{L}])(?:(?<h>[01]?\\d|2[0-3]) ?h ?(?<m>[0-5]\\d)?(?![\\p{L}\\d])|" + NUMBER
                    + "(?<pct>[\\u00A0\\u202F ]?%)?)(?![.,]?\\d)");

    /** Thousands separator, decimal separator, space before %, time style per language. */
    private record Convention(String group, String decimal, boolean spaceBeforePercent, String time) {
    }

    private static final Convention FRENCH = new Convention("\u202F", ",", true, "fr");
    private static final Map<String, Convention> CONVENTIONS = Map.of(
            "fr", FRENCH,
            "en", new Convention(",", ".", false, "12h"),
            "es", new Convention(".", ",", true, "24h"),
            "ca", new Convention(".", ",", true, "24h"),
            "it", new Convention(".", ",", false, "24h"),
            "pt", new Convention(".", ",", true, "fr"),
            "de", new Convention(".", ",", true, "24h"));

    private NumberLocalizer() {
    }

    /** The French text with its numbers written as {@code target} writes them. */
    public static String localize(String frenchText, String target) {
        Convention to = CONVENTIONS.get(target);
        if (to == null || frenchText == null) {
            return frenchText;
        }
        Matcher m = TOKEN.matcher(frenchText);
        StringBuilder out = new StringBuilder(frenchText.length() + 8);
        int at = 0;
        while (m.find()) {
            out.append(frenchText, at, m.start());
            out.append(render(m, to));
            at = m.end();
        }
        return out.append(frenchText.substring(at)).toString();
    }

    private static String render(Matcher m, Convention to) {
        if (m.group("h") != null) {
            return time(Integer.parseInt(m.group("h")), m.group("m") == null ? 0 : Integer.parseInt(m.group("m")),
                    to, m.group());
        }
        String integer = m.group("int").replaceAll("[.\\u00A0\\u202F ]", "");
        if (integer.length() > 1 && integer.startsWith("0") || m.group("sep") == null && m.group("dec") == null
                && m.group("pct") == null) {
            return m.group();   // a plain integer (a year, a count): the same everywhere
        }
        StringBuilder number = new StringBuilder();
        int first = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
        number.append(integer, 0, first);
        if (integer.length() > 4 || m.group("sep") != null) {
            for (int i = first; i < integer.length(); i += 3) {
                number.append(to.group()).append(integer, i, i + 3);
            }
        } else {
            number.append(integer.substring(first));
        }
        if (m.group("dec") != null) {
            number.append(to.decimal()).append(m.group("dec"));
        }
        if (m.group("pct") != null) {
            number.append(to.spaceBeforePercent() ? "\u00A0%" : "%");
        }
        return number.toString();
    }

    private static String time(int hours, int minutes, Convention to, String original) {
        return switch (to.time()) {
            case "12h" -> {
                int h12 = hours % 12 == 0 ? 12 : hours % 12;
                String suffix = hours < 12 ? " a.m." : " p.m.";
                yield minutes == 0 ? h12 + suffix : h12 + ":" + String.format("%02d", minutes) + suffix;
            }
            case "24h" -> String.format("%d:%02d", hours, minutes);
            default -> original;
        };
    }

    /** The numbers, percentages and times in a text written in {@code lang}'s conventions (fr, en, es...). */
    public static List<NumericValue> extract(String text, String lang) {
        Convention from = CONVENTIONS.getOrDefault(lang, FRENCH);
        List<NumericValue> values = new ArrayList<>();
        Pattern pattern = "12h".equals(from.time()) ? ENGLISH_TOKEN : TOKEN;
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            NumericValue value = "12h".equals(from.time()) ? english(m) : french(m);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static NumericValue french(Matcher m) {
        if (m.group("h") != null) {
            int minutes = Integer.parseInt(m.group("h")) * 60 + (m.group("m") == null ? 0 : Integer.parseInt(m.group("m")));
            return new NumericValue(NumericValue.Kind.TIME, BigDecimal.valueOf(minutes), m.group(), m.start(), m.end());
        }
        String plain = m.group("int").replaceAll("[.\\u00A0\\u202F ]", "") + (m.group("dec") == null ? "" : "." + m.group("dec"));
        return new NumericValue(m.group("pct") != null ? NumericValue.Kind.PERCENT : NumericValue.Kind.NUMBER,
                new BigDecimal(plain), m.group(), m.start(), m.end());
    }

    private static final Pattern ENGLISH_TOKEN = Pattern.compile(
            "(?<![\\d.,\\p{L}])(?:(?<h>1[0-2]|0?\\d)(?::(?<m>[0-5]\\d))? ?(?<ampm>[ap])\\.?m\\.?|"
                    + "(?<int>\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(?<dec>\\d+))?(?<pct> ?%)?)(?![.,]?\\d)");

    private static NumericValue english(Matcher m) {
        if (m.group("h") != null) {
            int hours = Integer.parseInt(m.group("h")) % 12 + ("p".equals(m.group("ampm")) ? 12 : 0);
            int minutes = hours * 60 + (m.group("m") == null ? 0 : Integer.parseInt(m.group("m")));
            return new NumericValue(NumericValue.Kind.TIME, BigDecimal.valueOf(minutes), m.group(), m.start(), m.end());
        }
        String plain = m.group("int").replace(",", "") + (m.group("dec") == null ? "" : "." + m.group("dec"));
        return new NumericValue(m.group("pct") != null ? NumericValue.Kind.PERCENT : NumericValue.Kind.NUMBER,
                new BigDecimal(plain), m.group(), m.start(), m.end());
    }
}
