package io.relais.quality;

import java.util.List;

import io.relais.terminology.TextEdit;

/**
 * One issue of a segment checked on demand ({@link SegmentCheck}).
 *
 * @param key           what a dismissal names
 * @param checker       {@code languagetool}, a named MT check ({@code untranslated}, {@code numbers}...) or
 *                      {@code finishing} (a correction already made)
 * @param ruleId        the checker's rule
 * @param kind          how the page shows it
 * @param blocking      whether it alone keeps the segment from passing
 * @param start         start in the segment's text exactly as it was passed, or -1 when the issue has no place
 * @param end           end (exclusive), or -1
 * @param flagged       the text at {@code [start, end)} (empty without a place)
 * @param crossesMarkup whether the span holds a tag (its suggestion is then not offered as a fix)
 * @param message       what is wrong (for a correction: what was done), in {@code messageLang}
 * @param messageLang   the language of the message: the UI language, or LanguageTool's when it has no translation
 * @param suggestions   replacements, best first (for a correction: the original, which undoes it)
 * @param fix           the first suggestion as an edit of the exact text checked, or null
 * @param dismissed     the dismissal that hides it, or null when it is open
 * @param fingerprint   the fingerprint of the text checked
 */
public record SegmentIssue(IssueKey key, String checker, String ruleId, Kind kind, boolean blocking, int start, int end,
                           String flagged, boolean crossesMarkup, String message, String messageLang,
                           List<String> suggestions, TextEdit fix, Dismissal dismissed, String fingerprint) {

    public enum Kind { BLOCKING, SPELLING, GRAMMAR, STYLE, WARNING, CORRECTED }

    public SegmentIssue {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    public boolean open() {
        return dismissed == null && kind != Kind.CORRECTED;
    }

    public SegmentIssue dismissedBy(Dismissal dismissal) {
        return new SegmentIssue(key, checker, ruleId, kind, blocking, start, end, flagged, crossesMarkup, message,
                messageLang, suggestions, fix, dismissal, fingerprint);
    }
}
