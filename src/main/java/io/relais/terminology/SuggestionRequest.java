package io.relais.terminology;

/**
 * A segment to make suggestions for.
 *
 * @param lang      the target language
 * @param field     {@code title}, {@code summary} or {@code body}
 * @param source    the French segment
 * @param target    the segment's translation as the editor has it now
 * @param articleId the article (fixes learned in it come first), 0 when none
 * @param limit     suggestions of each kind at most (5 when 0 or less)
 */
public record SuggestionRequest(String lang, String field, SegmentText source, SegmentText target, long articleId,
                                int limit) {

    public SuggestionRequest {
        if (lang == null || lang.isBlank()) {
            throw new IllegalArgumentException("suggestions need a language");
        }
        field = field == null ? "body" : field;
        source = source == null ? SegmentText.plain("") : source;
        target = target == null ? SegmentText.plain("") : target;
        limit = limit <= 0 ? 5 : limit;
    }

    public static SuggestionRequest of(String lang, String field, SegmentText source, SegmentText target, long articleId) {
        return new SuggestionRequest(lang, field, source, target, articleId, 5);
    }
}
