package io.relais.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.relais.quality.QualityIssue;

/** Every URL and e-mail address of the source must be in the translation unchanged (engines translate their words). */
public class UrlsAndEmailsCheck implements MtCheck {

    private static final Pattern URL = Pattern.compile("\\b(?:https?://|www\\.)[^\\s<>\"«»]+[^\\s<>\"«».,;:!?)]");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    @Override
    public String name() {
        return "urls";
    }

    @Override
    public List<QualityIssue> check(CheckedSegment s) {
        List<QualityIssue> issues = new ArrayList<>();
        compare(URL, "URL_CHANGED", "a web address", s, issues);
        compare(EMAIL, "EMAIL_CHANGED", "an e-mail address", s, issues);
        return issues;
    }

    private void compare(Pattern pattern, String rule, String what, CheckedSegment s, List<QualityIssue> issues) {
        List<String> target = new ArrayList<>(pattern.matcher(s.targetText()).results().map(r -> r.group()).toList());
        Matcher m = pattern.matcher(s.sourceText());
        while (m.find()) {
            if (!target.remove(m.group())) {
                issues.add(blocking(rule, "The translation lost or changed " + what + ": " + m.group(), -1, -1,
                        m.group(), m.group()));
            }
        }
    }
}
