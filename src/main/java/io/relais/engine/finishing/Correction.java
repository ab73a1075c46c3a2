package io.relais.engine.finishing;

/**
 * A change the target-language finishing made to a machine translation, kept so that editors can see it (stored
 * as a quality issue of the {@code finishing} checker).
 *
 * @param rule        what made it: a typography rule ({@code TYPO_...}) or a LanguageTool rule id
 * @param message     why, in words
 * @param original    the text before, as the engine wrote it
 * @param replacement the text after
 */
public record Correction(String rule, String message, String original, String replacement) {

    public static final String CHECKER = "finishing";
}
