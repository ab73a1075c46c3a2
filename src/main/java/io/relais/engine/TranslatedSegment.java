package io.relais.engine;

/**
 * One segment (title, paragraph or sentence) of a translation: the unit that is remembered, scored, and marked
 * doubtful on the review screen.
 *
 * @param source     the French segment as sent (plain text or HTML, like the whole text)
 * @param target     its translation, cleaned of engine marks
 * @param engine     the engine that produced it (or that produced the remembered text)
 * @param route      the language route that won for this segment, e.g. {@code fr>ca>en}
 * @param marks      unknown-word marks the engine left, by kind, before they were stripped
 * @param fromMemory whether it came from the translation memory
 */
public record TranslatedSegment(String source, String target, String engine, String route, UnknownMarks marks,
                                boolean fromMemory) {
}
