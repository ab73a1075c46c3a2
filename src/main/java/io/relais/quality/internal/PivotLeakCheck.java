package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import io.relais.article.Article;
import io.relais.quality.QualityIssue;

/**
 * Words of an intermediate language of the route left in the target (“Bretaña” in English through fr>es>en): a word
 * the target's speller does not know, a pivot's speller knows, and that is not in the French source (a name copied
 * from the source is no leak) nor a French word (that is the untranslated check's).
 */
public class PivotLeakCheck implements MtCheck {

    private final Spellers spellers;

    public PivotLeakCheck(Spellers spellers) {
        this.spellers = spellers;
    }

    @Override
    public String name() {
        return "pivot-leak";
    }

    @Override
    public List<QualityIssue> check(CheckedSegment s) {
        List<QualityIssue> issues = new ArrayList<>();
        List<String> pivots = s.pivots().stream().filter(p -> !p.equals(s.lang()) && spellers.has(p)).toList();
        if (pivots.isEmpty()) {
            return issues;
        }
        String source = s.sourceText().toLowerCase(Locale.ROOT);
        Matcher m = UntranslatedFrenchCheck.WORD.matcher(s.targetText());
        while (m.find()) {
            String word = m.group();
            if (word.length() < 3 || source.contains(word.toLowerCase(Locale.ROOT)) || spellers.knows(s.lang(), word)
                    || spellers.knows(Article.SOURCE_LANGUAGE, word)) {
                continue;
            }
            for (String pivot : pivots) {
                if (spellers.knows(pivot, word)) {
                    issues.add(warning("PIVOT_WORD", "Word of the pivot language (" + pivot + ") left in the text: "
                            + word, m.start(), m.end(), null, pivot, word));
                    break;
                }
            }
        }
        return issues;
    }
}
