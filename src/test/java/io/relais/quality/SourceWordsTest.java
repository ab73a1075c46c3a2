package io.relais.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;
import org.languagetool.rules.spelling.SpellingCheckRule;

import io.relais.engine.TextFormat;
import io.relais.engine.finishing.SafeCorrections;
import io.relais.engine.finishing.TargetFinishing;

/**
 * The words of the French a translation was made from are no spelling errors in it: LanguageTool (real) passes over
 * them in that check only, and the cache tells a check with its French from one without.
 */
class SourceWordsTest {

    /** One instance per language: every check below borrows the same one. */
    final LanguageQualityChecker checker = new LanguageQualityChecker(1);

    static final String SPANISH = "El consejo de Plouguenast vota el presupuesto.";
    static final String FRENCH = "Le conseil de Plouguenast vote le budget.";

    @Test
    void aNameTheFrenchHasIsNoSpellingErrorInItsTranslationButIsInAnotherText() {
        assertThat(spelling(SPANISH, checker.check(SPANISH, "es"))).as("LanguageTool's speller, without the French")
                .containsExactly("Plouguenast");

        assertThat(spelling(SPANISH, checker.check(SPANISH, "es", FRENCH))).isEmpty();

        // the same instance afterwards: the name was passed over for that check only
        String other = "El alcalde de Plouguenast habla.";
        assertThat(spelling(other, checker.check(other, "es"))).containsExactly("Plouguenast");
        assertThat(spelling(other, checker.check(other, "es", "Le maire parle."))).containsExactly("Plouguenast");
    }

    @Test
    void aCheckWithItsFrenchIsAnotherCheckForTheCacheAndTheFinishingsRunIsTheQualityChecksRun() {
        TargetFinishing finishing = new TargetFinishing(false,
                new SafeCorrections(Map.of("es", List.of("UPPERCASE_SENTENCE_START")), checker::asCorrectionSource));

        finishing.finish(SPANISH, TextFormat.PLAIN, "es", FRENCH);
        List<QualityIssue> checked = checker.check(SPANISH, "es", FRENCH);

        assertThat(checker.cacheMisses()).as("LanguageTool read the translation once").isEqualTo(1);
        assertThat(checker.cacheHits()).isEqualTo(1);
        assertThat(spelling(SPANISH, checked)).isEmpty();

        assertThat(spelling(SPANISH, checker.check(SPANISH, "es"))).containsExactly("Plouguenast");
        assertThat(checker.cacheMisses()).as("without the French, another run").isEqualTo(2);
    }

    @Test
    void wordsTheInstanceIgnoredBeforeStayIgnoredAfterTheCheck() throws Exception {
        JLanguageTool tool = new JLanguageTool(Languages.getLanguageForShortCode("es"));
        for (Rule rule : tool.getAllActiveRules()) {
            if (rule instanceof SpellingCheckRule speller) {
                speller.addIgnoreTokens(List.of("Plouguenast"));   // as the newsroom dictionary adds its words
            }
        }
        SourceWords french = SourceWords.of("Plouguenast et Quintin-sur-Oust votent.");

        french.passOver(tool).forEach(Runnable::run);

        assertThat(spellingMatches(tool, "Plouguenast y Quintin votan.")).as("the dictionary's word stays ignored, the "
                + "French's is checked again").containsExactly("Quintin");
    }

    @Test
    void theWordsAreTheFrenchsWordsAndTheirParts() throws Exception {
        JLanguageTool tool = new JLanguageTool(Languages.getLanguageForShortCode("es"));
        List<Runnable> undo = SourceWords.of("L'Ille-et-Vilaine, à Saint-Malo.").passOver(tool);
        try {
            assertThat(spellingMatches(tool, "La Ille-et-Vilaine, en Saint-Malo: Vilaine, Malo.")).isEmpty();
        } finally {
            undo.forEach(Runnable::run);
        }
        assertThat(SourceWords.of(null).key()).isEmpty();
        assertThat(SourceWords.of(FRENCH).key()).isEqualTo(SourceWords.of(FRENCH + " ").key())
                .isNotEqualTo(SourceWords.of("Le conseil vote.").key());
    }

    /** The words flagged as misspelt in {@code text}. */
    private static List<String> spelling(String text, List<QualityIssue> issues) {
        return issues.stream().filter(i -> "spelling".equals(i.severity()))
                .map(i -> text.substring(i.startOffset(), i.endOffset())).toList();
    }

    private static List<String> spellingMatches(JLanguageTool tool, String text) throws Exception {
        return tool.check(text).stream().filter(m -> m.getRule().isDictionaryBasedSpellingRule())
                .map(m -> text.substring(m.getFromPos(), m.getToPos())).toList();
    }
}
