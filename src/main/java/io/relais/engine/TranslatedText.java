package io.relais.engine;

import io.relais.engine.finishing.Correction;

import java.util.List;

/**
 * A translation as an engine (or the translation memory) returned it, cleaned of engine marks.
 *
 * @param text         the translated text, in the format it was given
 * @param engine       the engine's name, e.g. {@code apertium}
 * @param route        the language route taken, e.g. {@code fr>es>en}
 * @param wordCount    words in the source text
 * @param unknownWords words the engine marked as unknown (or failed to transfer or generate)
 * @param segments     segments (title, paragraphs) the text was translated in
 * @param memoryHits   segments that came from the translation memory instead of the engine
 * @param parts        the segments one by one, where the translator kept them (empty otherwise)
 * @param corrections  what the target-language finishing changed (typography, safe LanguageTool corrections), for
 *                     editors to see (stored as quality issues of the {@code finishing} checker)
 */
public record TranslatedText(String text, String engine, String route, int wordCount, int unknownWords, int segments,
                             int memoryHits, List<TranslatedSegment> parts,
                             List<Correction> corrections) {

    public TranslatedText {
        parts = parts == null ? List.of() : List.copyOf(parts);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    public TranslatedText(String text, String engine, String route, int wordCount, int unknownWords, int segments,
                          int memoryHits, List<TranslatedSegment> parts) {
        this(text, engine, route, wordCount, unknownWords, segments, memoryHits, parts, List.of());
    }

    public TranslatedText(String text, String engine, String route, int wordCount, int unknownWords, int segments,
                          int memoryHits) {
        this(text, engine, route, wordCount, unknownWords, segments, memoryHits, List.of());
    }

    public TranslatedText(String text, String engine, String route, int wordCount, int unknownWords) {
        this(text, engine, route, wordCount, unknownWords, 1, 0);
    }

    public double unknownShare() {
        return wordCount == 0 ? 0 : (double) unknownWords / wordCount;
    }
}
