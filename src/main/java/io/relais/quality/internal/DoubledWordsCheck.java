package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.relais.quality.QualityIssue;

/** The same word twice in a row (“the the”), unless the French source repeats a word too (“nous nous”). */
public class DoubledWordsCheck implements MtCheck {

    private static final Pattern DOUBLED = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{L}+)\\s+(\\1)(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Override
    public String name() {
        return "doubled-words";
    }

    @Override
    public List<QualityIssue> check(CheckedSegment s) {
        List<QualityIssue> issues = new ArrayList<>();
        boolean sourceRepeats = DOUBLED.matcher(s.sourceText()).find();
        Matcher m = DOUBLED.matcher(s.targetText());
        while (m.find() && !sourceRepeats) {
            issues.add(warning("DOUBLED_WORD", "Word written twice: " + m.group(1).toLowerCase(Locale.ROOT),
                    m.start(), m.end(), m.group(1), m.group(1).toLowerCase(Locale.ROOT)));
        }
        return issues;
    }
}
