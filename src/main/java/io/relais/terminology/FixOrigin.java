package io.relais.terminology;

/** Where an editor's change of a segment was made: whose, in which translation and field, draft or approval. */
public record FixOrigin(String lang, long articleId, long translationId, String field, String editor, boolean approved) {
}
