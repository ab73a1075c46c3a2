/**
 * Machine translation behind one SPI ({@link io.relais.translate.MachineTranslator}); Apertium, offline and
 * rule-based, is the embedded default engine. {@link io.relais.translate.Translator} picks the engine and
 * route per target language.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Machine translation")
package io.relais.translate;
