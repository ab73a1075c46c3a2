package io.relais.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The whole-word search the checks use, against the regex it stands for. */
class WordsTest {

    @Test
    void aWordStandsWholeOnlyWhereNoLetterOrDigitTouchesIt() {
        assertThat(Words.wholeAt("l'homme et les hommes", "homme", 0)).isEqualTo(2);
        assertThat(Words.wholeAt("les hommes", "homme", 0)).isEqualTo(-1);
        assertThat(Words.wholeAt("Rennes2 et Rennes", "Rennes", 0)).isEqualTo(11);
        assertThat(Words.wholeAt("Ⅻ" + "Paris", "Paris", 0)).as("a Roman numeral is a number").isEqualTo(-1);
        assertThat(Words.wholeAt("km² et km", "km", 0)).as("a superscript is a number").isEqualTo(7);
        assertThat(Words.wholeAt("é\u0301t", "é", 0)).as("a combining mark is neither").isEqualTo(0);
        assertThat(Words.wholeAt("𝐀ville ville", "ville", 0)).as("a letter outside the BMP").isEqualTo(8);
        assertThat(Words.wholeAt("ville ville", "ville", 1)).isEqualTo(6);
        assertThat(Words.hasWhole("Marine Le Pen", "Le Pen")).isTrue();
        assertThat(Words.hasWhole("", "a")).isFalse();
    }

    /**
     * Letters outside the BMP are left out here: the regex's look-behind reads the one char before, a lone low
     * surrogate, and takes "𝐀 ba" for " ba" standing whole; {@link Words#wholeAt} reads the code point.
     */
    @Test
    void everyMatchIsWhereTheRegexFindsIt() {
        String[] pieces = {"a", "b", "é", "É", "1", "²", "Ⅻ", "\u0301", " ", "'", "’", "-", ".", "ab", "ba", "😀"};
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            String text = random(pieces, random, random.nextInt(12));
            String word = random(pieces, random, 1 + random.nextInt(3));
            assertThat(Words.everyWhole(text, word)).as("%s in %s", word, text).isEqualTo(regex(text, word));
        }
    }

    private static String random(String[] pieces, Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(pieces[random.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    private static List<Integer> regex(String text, String word) {
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(text);
        List<Integer> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.start());
        }
        return found;
    }
}
