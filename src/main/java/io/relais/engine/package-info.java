/**
 * Machine translation engines behind one SPI ({@link io.relais.engine.MachineTranslator}): Apertium, offline and
 * rule-based, is the embedded default engine ({@code engine.apertium}); remote engines speak HTTP
 * ({@code engine.http}: LibreTranslate, DeepL, OpenAI-compatible). {@link io.relais.engine.Translator} picks the
 * engine and route per target language, segments the text, takes segments from the translation memory (the
 * {@code terminology} module's) and chooses between candidate routes ({@link io.relais.engine.RouteChoice}); the
 * target-language finishing (typography, numbers, LanguageTool's safe corrections) is the {@code finishing}
 * interface. Not to be confused with the {@code translation} module, which stores the translations and their states.
 * Configured under {@code relais.translate.*}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Machine translation engines")
package io.relais.engine;
