package io.relais.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The words of a language by how they begin, most frequent first, from LanguageTool's own dictionaries. */
class LexiconTest {

    final Lexicon lexicon = new Lexicon();

    @Test
    void theMostFrequentWordsComeFirstWhateverTheCaseOfTheFirstLetter() {
        List<String> spanish = words("es", "gobi");
        assertThat(spanish).first().isEqualTo("gobierno");
        assertThat(words("es", "Gobi")).contains("gobierno");
        assertThat(words("es", "GOBI")).contains("gobierno");
        assertThat(words("en", "gov")).first().isEqualTo("government");
        assertThat(words("ca", "gove")).first().isEqualTo("govern");
        assertThat(words("pt", "gov")).first().isEqualTo("governo");
        // Italian's dictionary has no frequencies: its common words (LanguageTool's list, by rank) stand in for them
        assertThat(words("it", "gover")).first().isEqualTo("governo");
        assertThat(words("it", "perc")).first().isEqualTo("perché");
        assertThat(lexicon.complete("es", "gobi", 16)).isSortedAccordingTo(
                (a, b) -> Integer.compare(b.frequency(), a.frequency()));
    }

    @Test
    void wordsAreLongerThanThePrefixAndReadInTheDictionarysOwnEncoding() {
        assertThat(words("es", "pu")).isNotEmpty().allSatisfy(w -> assertThat(w).startsWith("pu").hasSizeGreaterThan(2));
        // Italian's dictionary is not UTF-8: "governò" read as written
        assertThat(words("it", "gover")).isNotEmpty().noneMatch(w -> w.contains("\uFFFD"));
    }

    @Test
    void aLanguageWithoutAMorfologikDictionaryHasNoWordsToOffer() {
        assertThat(lexicon.has("de")).isFalse();
        assertThat(words("de", "Regi")).isEmpty();
        assertThat(words("xx", "ab")).isEmpty();
        assertThat(lexicon.has("es")).isTrue();
    }

    List<String> words(String lang, String prefix) {
        return lexicon.complete(lang, prefix, 8).stream().map(Lexicon.Word::word).toList();
    }
}
