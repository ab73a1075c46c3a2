package io.relais.terminology;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What Relais can offer for one segment, all computed on the text whose fingerprint it carries: translation memory
 * matches, the glossary terms of the French segment, and fixes editors made before. Nothing here is applied by
 * Relais: each offer's {@link TextEdit} applies only to that exact text, on the editor's action.
 */
public record Suggestions(String fingerprint, List<MemoryMatch> memory, List<TermHit> terms, List<FixSuggestion> fixes) {

    public Suggestions {
        memory = List.copyOf(memory);
        terms = List.copyOf(terms);
        fixes = List.copyOf(fixes);
    }

    /**
     * A remembered translation of a French segment like this one.
     *
     * @param score       similarity of the French segments, 0-100 (100: the same words)
     * @param exact       the same French segment (normalised)
     * @param origin      {@code EDITOR} or {@code MACHINE}
     * @param source      the remembered French segment
     * @param target      its remembered translation, as stored
     * @param replacement the translation in the request's format (plain text for a plain segment)
     * @param edit        the edit replacing the whole segment by {@code replacement}
     * @param at          when it was remembered
     */
    public record MemoryMatch(int score, boolean exact, String origin, String source, String target, String replacement,
                              TextEdit edit, OffsetDateTime at) {
    }

    /**
     * A glossary term found in the French segment.
     *
     * @param sourceStart   where in the French segment's text (as passed)
     * @param inTarget      whether the translation already writes it as the glossary does
     * @param targetStart   where in the translation's text, or -1
     */
    public record TermHit(String sourceTerm, String rendering, boolean doNotTranslate, int sourceStart, int sourceEnd,
                          boolean inTarget, int targetStart, int targetEnd) {
    }

    /**
     * A fix an editor made before, offered where the machine wrote the same words for the same French.
     *
     * @param fix         what was learned, and from whom, where, when
     * @param start       start of the machine's words in the text (as passed)
     * @param end         end (exclusive)
     * @param flagged     the text at {@code [start, end)}
     * @param replacement the editor's words
     * @param edit        the edit of the exact text
     * @param sameArticle learned in this article (propagation within the article)
     */
    public record FixSuggestion(LearnedFix fix, int start, int end, String flagged, String replacement, TextEdit edit,
                                boolean sameArticle) {
    }
}
