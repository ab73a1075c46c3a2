package io.relais.quality;

import java.util.List;
import java.util.Locale;

import io.relais.engine.finishing.Correction;
import io.relais.terminology.SegmentText;

/**
 * One segment to check on demand.
 *
 * @param lang      the target language
 * @param field     {@code title}, {@code summary} or {@code body}
 * @param source    the French segment
 * @param target    the segment's translation as the editor has it now
 * @param route     the route the machine took, e.g. {@code fr>es>en} (pivot words are looked for), or null
 * @param articleId the article, for the dismissals of its segments (0: none)
 * @param ui        the UI language of the messages
 * @param applied   the corrections the finishing made in this segment (reported as done)
 * @param roundTrip whether to translate the segment back too (slower: on save, not on every keystroke)
 */
public record SegmentCheckRequest(String lang, String field, SegmentText source, SegmentText target, String route,
                                  long articleId, Locale ui, List<Correction> applied, boolean roundTrip) {

    public SegmentCheckRequest {
        if (lang == null || lang.isBlank()) {
            throw new IllegalArgumentException("a segment check needs a language");
        }
        field = field == null ? "body" : field;
        source = source == null ? SegmentText.plain("") : source;
        target = target == null ? SegmentText.plain("") : target;
        ui = ui == null ? Locale.ENGLISH : ui;
        applied = applied == null ? List.of() : List.copyOf(applied);
    }

    public static SegmentCheckRequest of(String lang, String field, SegmentText source, SegmentText target, Locale ui) {
        return new SegmentCheckRequest(lang, field, source, target, null, 0, ui, List.of(), false);
    }

    public SegmentCheckRequest withRoute(String route) {
        return new SegmentCheckRequest(lang, field, source, target, route, articleId, ui, applied, roundTrip);
    }

    public SegmentCheckRequest withArticle(long articleId) {
        return new SegmentCheckRequest(lang, field, source, target, route, articleId, ui, applied, roundTrip);
    }

    public SegmentCheckRequest withCorrections(List<Correction> applied) {
        return new SegmentCheckRequest(lang, field, source, target, route, articleId, ui, applied, roundTrip);
    }

    public SegmentCheckRequest withRoundTrip(boolean roundTrip) {
        return new SegmentCheckRequest(lang, field, source, target, route, articleId, ui, applied, roundTrip);
    }
}
