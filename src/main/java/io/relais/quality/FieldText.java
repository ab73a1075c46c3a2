package io.relais.quality;

import io.relais.translate.TextFormat;
import io.relais.translate.TranslatedText;

/** One field of an article and its translation, to be assessed. */
public record FieldText(String field, String source, TextFormat format, TranslatedText translation) {
}
