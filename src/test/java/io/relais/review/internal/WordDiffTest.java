package io.relais.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void aReplacedWordIsShownDeletedThenInserted() {
        assertThat(WordDiff.html("El mercado abre el domingo", "El mercadillo abre el domingo"))
                .isEqualTo("El <del>mercado</del><ins>mercadillo</ins> abre el domingo");
    }

    @Test
    void addedAndRemovedWordsAreMarkedAndTheRestIsKept() {
        assertThat(WordDiff.html("Le pont est fermé.", "Le pont de Millau est fermé pour travaux."))
                .isEqualTo("Le pont <ins>de Millau </ins>est fermé<ins> pour travaux</ins>.");
        assertThat(WordDiff.html("un deux trois", "un trois")).isEqualTo("un <del>deux </del>trois");
    }

    @Test
    void textIsEscapedSoThatMarkupInATranslationCannotGetIntoThePage() {
        assertThat(WordDiff.html("a <b>", "a <script>")).doesNotContain("<script>").contains("&lt;");
    }

    @Test
    void identicalTextsDoNotDiffer() {
        assertThat(WordDiff.differ("Le  pont", "Le pont")).isFalse();
        assertThat(WordDiff.differ("Le pont", "Le port")).isTrue();
        assertThat(WordDiff.html("Le pont", "Le pont")).isEqualTo("Le pont");
    }
}
