package io.relais.translate;

/**
 * A translation as an engine returned it, cleaned of engine marks.
 *
 * @param text         the translated text, in the format it was given
 * @param engine       the engine's name, e.g. {@code apertium}
 * @param route        the language route taken, e.g. {@code fr>es>en}
 * @param wordCount    words in the source text
 * @param unknownWords words the engine marked as unknown (or failed to transfer or generate)
 */
public record TranslatedText(String text, String engine, String route, int wordCount, int unknownWords) {

    public double unknownShare() {
        return wordCount == 0 ? 0 : (double) unknownWords / wordCount;
    }
}
