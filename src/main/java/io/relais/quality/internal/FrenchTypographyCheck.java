package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.relais.article.Article;
import io.relais.quality.QualityIssue;

/**
 * French typography carried into another language: a space before {@code : ; ! ?} (“elections : the”), French
 * quotation marks in English and German, and the spaces French puts inside « » where Spanish, Catalan, Italian and
 * Portuguese write «x».
 */
public class FrenchTypographyCheck implements MtCheck {

    private static final Pattern SPACE_BEFORE = Pattern.compile("[ \\u00A0\\u202F]+([:;!?])");
    private static final Pattern GUILLEMETS = Pattern.compile("«[ \\u00A0\\u202F]*|[ \\u00A0\\u202F]*»");
    private static final Pattern SPACED_GUILLEMETS = Pattern.compile("«[ \\u00A0\\u202F]+|[ \\u00A0\\u202F]+»");
    private static final List<String> WITHOUT_GUILLEMETS = List.of("en", "de");

    @Override
    public String name() {
        return "typography";
    }

    @Override
    public List<QualityIssue> check(CheckedSegment s) {
        List<QualityIssue> issues = new ArrayList<>();
        if (Article.SOURCE_LANGUAGE.equals(s.lang())) {
            return issues;
        }
        String text = s.targetText();
        Matcher m = SPACE_BEFORE.matcher(text);
        while (m.find()) {
            issues.add(warning("SPACE_BEFORE_PUNCTUATION", "No space before \"" + m.group(1) + "\" outside French",
                    m.start(), m.end(), m.group(1), m.group(1)));
        }
        boolean noGuillemets = WITHOUT_GUILLEMETS.contains(s.lang());
        m = (noGuillemets ? GUILLEMETS : SPACED_GUILLEMETS).matcher(text);
        while (m.find()) {
            String quote = m.group().strip();
            String suggestion = noGuillemets ? ("«".equals(quote) ? "“" : "”") : quote;
            issues.add(warning(noGuillemets ? "FRENCH_QUOTES" : "SPACED_GUILLEMETS",
                    noGuillemets ? "French quotation marks" : "No space inside « » outside French", m.start(), m.end(),
                    suggestion));
        }
        return issues;
    }
}
