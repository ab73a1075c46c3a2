package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.relais.quality.QualityIssue;

/**
 * Two punctuation marks where one belongs: “3:30 p.m..” (an abbreviation's full stop plus the sentence's), “,,”,
 * “. .” or “,.” — an ellipsis (“...”) is not doubled.
 */
public class DoubledPunctuationCheck implements MtCheck {

    private static final Pattern DOUBLED = Pattern.compile("(?<!\\.)\\.\\s?\\.(?!\\.)|([,;:])\\s?[,;:.]|[!?]\\s?[.,]");

    @Override
    public String name() {
        return "doubled-punctuation";
    }

    @Override
    public List<QualityIssue> check(CheckedSegment s) {
        List<QualityIssue> issues = new ArrayList<>();
        Matcher m = DOUBLED.matcher(s.targetText());
        while (m.find()) {
            issues.add(warning("DOUBLED_PUNCTUATION", "Doubled punctuation: " + m.group(), m.start(), m.end(),
                    m.group().substring(m.group().length() - 1), m.group()));
        }
        return issues;
    }
}
