package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.List;

import io.relais.quality.QualityIssue;

/**
 * The engine's own doubts, counted by kind before the marks were stripped: {@code *} words it did not know (copied
 * as they are), {@code @} words missing from the bilingual dictionary, {@code #} words it could not generate.
 * The marks are gone from the text, so the issues have no place.
 */
public class UnknownMarksCheck implements MtCheck {

    @Override
    public String name() {
        return "unknown-words";
    }

    @Override
    public List<QualityIssue> check(CheckedSegment s) {
        List<QualityIssue> issues = new ArrayList<>();
        add(issues, "UNKNOWN", s.marks().unknown(), "word(s) the engine did not know, copied as they are (*)");
        add(issues, "UNTRANSFERRED", s.marks().untransferred(), "word(s) missing from the bilingual dictionary (@)");
        add(issues, "UNGENERATED", s.marks().ungenerated(), "word(s) the engine could not generate (#)");
        return issues;
    }

    private void add(List<QualityIssue> issues, String rule, int count, String what) {
        if (count > 0) {
            issues.add(warning(rule, count + " " + what, -1, -1, null, count));
        }
    }
}
