package io.relais.engine.finishing;

import java.math.BigDecimal;

/**
 * A number found in a text, with its value, so that a QA check can compare the values of a source and its
 * translation. For a {@code TIME}, the value is minutes after midnight.
 */
public record NumericValue(Kind kind, BigDecimal value, String surface, int start, int end) {

    public enum Kind { NUMBER, PERCENT, TIME }
}
