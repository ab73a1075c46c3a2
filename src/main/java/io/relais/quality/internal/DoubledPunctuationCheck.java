package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.relais.quality.QualityIssue;

/**
 * Two punctuation marks where one belongs: an abbreviation's full stop plus the sentence's (3:30 p.m..), two commas,
 * a full stop twice with a space between, or a comma before a full stop; an ellipsis is not doubled. (No quoted
 * commas in this comment: Spring Boot's basic JSON parser, which reads the Javadoc for the module docs, splits on them.)
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
                    m.group().substring(m.group().length() - 1)));
        }
        return issues;
    }
}
