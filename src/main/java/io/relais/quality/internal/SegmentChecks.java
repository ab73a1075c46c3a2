package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.relais.quality.LanguageQualityChecker;
import io.relais.quality.QualityIssue;

/**
 * Every check of one segment: LanguageTool in the target's variant (without the spelling matches on names of the
 * source and glossary terms: {@link SpellingExemptions}), then each named MT check.
 */
public class SegmentChecks {

    private final LanguageQualityChecker languageTool;
    private final List<MtCheck> checks;
    private final Spellers spellers;

    public SegmentChecks(LanguageQualityChecker languageTool, List<MtCheck> checks) {
        this(languageTool, checks, new Spellers());
    }

    private SegmentChecks(LanguageQualityChecker languageTool, List<MtCheck> checks, Spellers spellers) {
        this.languageTool = languageTool;
        this.checks = List.copyOf(checks);
        this.spellers = spellers;
    }

    /** The standard set of checks, sharing one set of spellers. */
    public static SegmentChecks standard(LanguageQualityChecker languageTool) {
        Spellers spellers = new Spellers();
        return new SegmentChecks(languageTool, List.of(new UntranslatedFrenchCheck(spellers),
                new PivotLeakCheck(spellers), new UnknownMarksCheck(), new NumbersCheck(), new UrlsAndEmailsCheck(),
                new MarkupCheck(), new GlossaryCheck(), new EndPunctuationCheck(), new DoubledWordsCheck(),
                new DoubledPunctuationCheck(), new FrenchTypographyCheck(), new LengthRatioCheck()), spellers);
    }

    public List<QualityIssue> run(CheckedSegment segment) {
        return run(segment, true);
    }

    /** The issues; LanguageTool's spelling issues with their suggestions only when {@code spellingSuggestions}. */
    public List<QualityIssue> run(CheckedSegment segment, boolean spellingSuggestions) {
        List<QualityIssue> issues = new ArrayList<>();
        if (languageTool.supports(segment.lang())) {
            issues.addAll(SpellingExemptions.apply(segment, languageTool.check(segment.targetText(), segment.lang(),
                    segment.sourceText(), spellingSuggestions)));
        }
        Set<String> dictionary = languageTool.dictionaryWords(segment.lang());
        for (MtCheck check : checks) {
            for (QualityIssue issue : check.check(segment)) {
                if (!(dictionary.contains(wordOf(issue)) && WORD_CHECKS.contains(issue.checker() + "/" + issue.ruleId()))) {
                    issues.add(issue);
                }
            }
        }
        return issues;
    }

    /** Checks of single words that the newsroom dictionary overrules: a word it has is a word of the language. */
    private static final Set<String> WORD_CHECKS = Set.of("untranslated/FRENCH_WORD", "pivot-leak/PIVOT_WORD");

    private static String wordOf(QualityIssue issue) {
        return issue.args().isEmpty() ? "" : issue.args().get(issue.args().size() - 1);
    }

    /** The spell checkers the checks share, as word lists. */
    public Spellers spellers() {
        return spellers;
    }

    public LanguageQualityChecker languageTool() {
        return languageTool;
    }
}
