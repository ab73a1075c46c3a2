package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.List;

import io.relais.quality.LanguageQualityChecker;
import io.relais.quality.QualityIssue;

/** Every check of one segment: LanguageTool in the target's variant, then each named MT check. */
public class SegmentChecks {

    private final LanguageQualityChecker languageTool;
    private final List<MtCheck> checks;

    public SegmentChecks(LanguageQualityChecker languageTool, List<MtCheck> checks) {
        this.languageTool = languageTool;
        this.checks = List.copyOf(checks);
    }

    /** The standard set of checks, sharing one set of spellers. */
    public static SegmentChecks standard(LanguageQualityChecker languageTool) {
        Spellers spellers = new Spellers();
        return new SegmentChecks(languageTool, List.of(new UntranslatedFrenchCheck(spellers),
                new PivotLeakCheck(spellers), new UnknownMarksCheck(), new NumbersCheck(), new UrlsAndEmailsCheck(),
                new MarkupCheck(), new GlossaryCheck(), new EndPunctuationCheck(), new DoubledWordsCheck(),
                new DoubledPunctuationCheck(), new FrenchTypographyCheck(), new LengthRatioCheck()));
    }

    public List<QualityIssue> run(CheckedSegment segment) {
        List<QualityIssue> issues = new ArrayList<>();
        if (languageTool.supports(segment.lang())) {
            issues.addAll(languageTool.check(segment.targetText(), segment.lang()));
        }
        for (MtCheck check : checks) {
            issues.addAll(check.check(segment));
        }
        return issues;
    }

    public LanguageQualityChecker languageTool() {
        return languageTool;
    }
}
