package io.relais.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSegmentsTest {

    @Test
    void aParagraphIsCutIntoSentencesThatJoinBackExactly() {
        String html = "<p class=\"x\">Le maire a parlé. M. Dupont a répondu &amp; souri à 15h30 ! <b>Fin</b> du débat.</p>";
        SentenceSegments.Split split = SentenceSegments.split(html);
        assertThat(split.prefix()).isEqualTo("<p class=\"x\">");
        assertThat(split.suffix()).isEqualTo("</p>");
        assertThat(split.sentences()).containsExactly("Le maire a parlé.", "M. Dupont a répondu &amp; souri à 15h30 !",
                "<b>Fin</b> du débat.");
        assertThat(split.gaps()).containsExactly(" ", " ", "");
        StringBuilder joined = new StringBuilder(split.prefix());
        for (int i = 0; i < split.sentences().size(); i++) {
            joined.append(split.sentences().get(i)).append(split.gaps().get(i));
        }
        assertThat(joined.append(split.suffix()).toString()).isEqualTo(html);
    }

    @Test
    void noCutInsideALinkOrEmphasis() {
        String html = "<p>Début. <a href=\"https://exemple.fr\">Un lien. Qui</a> continue. Fin.</p>";
        assertThat(SentenceSegments.split(html).sentences())
                .containsExactly("Début.", "<a href=\"https://exemple.fr\">Un lien. Qui</a> continue.", "Fin.");
    }

    @Test
    void blocksHoldingBlocksAndBareTextAreLeftWhole() {
        assertThat(SentenceSegments.split("<ul><li>Un. Deux.</li></ul>").sentences()).containsExactly("<ul><li>Un. Deux.</li></ul>");
        assertThat(SentenceSegments.split("Du texte. Sans bloc.").sentences()).containsExactly("Du texte. Sans bloc.");
    }
}
