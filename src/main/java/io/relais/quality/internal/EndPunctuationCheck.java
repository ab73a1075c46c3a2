package io.relais.quality.internal;

import java.util.List;

import io.relais.quality.QualityIssue;

/** A segment ends as its source does: a question stays a question, a sentence keeps its full stop. */
public class EndPunctuationCheck implements MtCheck {

    @Override
    public String name() {
        return "punctuation";
    }

    @Override
    public List<QualityIssue> check(CheckedSegment s) {
        char expected = end(s.sourceText());
        char found = end(s.targetText());
        if (expected == found) {
            return List.of();
        }
        String text = s.targetText().stripTrailing();
        String suggestion = expected == 0 ? null : String.valueOf(expected);
        return List.of(warning("END_PUNCTUATION", "The French text ends with " + describe(expected)
                + ", the translation with " + describe(found), Math.max(0, text.length() - 1), text.length(), suggestion,
                expected == 0 ? "-" : String.valueOf(expected), found == 0 ? "-" : String.valueOf(found)));
    }

    /** The final punctuation, ignoring closing quotes and brackets; an ellipsis counts as a full stop's kin. */
    static char end(String text) {
        String t = text.strip();
        int i = t.length() - 1;
        while (i >= 0 && "»\"”’)]".indexOf(t.charAt(i)) >= 0 || i >= 0 && Character.isWhitespace(t.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return 0;
        }
        char c = t.charAt(i);
        return switch (c) {
            case '.', '…' -> '.';
            case '?', '!', ':', ';' -> c;
            default -> 0;
        };
    }

    private static String describe(char c) {
        return c == 0 ? "no punctuation" : "\"" + c + "\"";
    }
}
