package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.relais.engine.Words;
import io.relais.quality.QualityIssue;

/** Each protected term found in the French source must be in the translation as the glossary writes it. */
public class GlossaryCheck implements MtCheck {

    @Override
    public String name() {
        return "glossary";
    }

    @Override
    public List<QualityIssue> check(CheckedSegment s) {
        List<QualityIssue> issues = new ArrayList<>();
        for (Map.Entry<String, String> term : s.terms().entrySet()) {
            if (Words.hasWhole(s.sourceText(), term.getKey()) && !Words.hasWhole(s.targetText(), term.getValue())) {
                issues.add(blocking("TERM_MISSING", "The glossary writes \"" + term.getKey() + "\" as \""
                        + term.getValue() + "\", not found in the translation", -1, -1, term.getValue(), term.getKey(),
                        term.getValue()));
            }
        }
        return issues;
    }
}
