package io.relais.quality;

import io.relais.engine.TextFormat;
import io.relais.engine.TranslatedText;

/** One field of an article and its translation, to be assessed. */
public record FieldText(String field, String source, TextFormat format, TranslatedText translation) {
}
