package io.relais.engine;

/**
 * Apertium's unknown-word marks in one translated text, counted by kind before they are stripped: a quality
 * signal for the checks and the quality estimate.
 *
 * @param unknown      {@code *word}: not in the source analyser's dictionary
 * @param untransferred {@code @word}: analysed but missing from the bilingual dictionary
 * @param ungenerated  {@code #word}: transferred but not generated in the target
 */
public record UnknownMarks(int unknown, int untransferred, int ungenerated) {

    public static final UnknownMarks NONE = new UnknownMarks(0, 0, 0);

    public int total() {
        return unknown + untransferred + ungenerated;
    }

    public UnknownMarks plus(UnknownMarks other) {
        return new UnknownMarks(unknown + other.unknown, untransferred + other.untransferred,
                ungenerated + other.ungenerated);
    }
}
