package io.relais.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlSafeTextTest {

    @Test
    void controlCharactersNulLoneSurrogatesAndNonCharactersAreRemoved() {
        assertThat(XmlSafeText.clean("Jean\u0001Dupont\u0000")).isEqualTo("JeanDupont");
        assertThat(XmlSafeText.clean("a\ud800b\udc00c")).isEqualTo("abc");
        assertThat(XmlSafeText.clean("x\uFFFEy\uFFFF")).isEqualTo("xy");
        assertThat(XmlSafeText.clean("page\u000Cbreak\u000Bhere")).isEqualTo("page break here");
    }

    @Test
    void tabsNewlinesAccentsAndEmojiAreKept() {
        String text = "Été\tà\nNoël\r\n🎄 \uE000 \uFFFD";
        assertThat(XmlSafeText.clean(text)).isSameAs(text);
        assertThat(XmlSafeText.clean(null)).isNull();
    }

    @Test
    void aNumericReferenceBeyondUnicodeIsRemovedWhateverItsLengthAndLegalOnesAreKeptWhateverTheirZeros() {
        assertThat(XmlSafeText.cleanDocument("<t>a&#99999999999;b&#xFFFFFFFFF;c&#x110000;d&#1114112;e</t>"))
                .isEqualTo("<t>abcde</t>");
        assertThat(XmlSafeText.cleanDocument("<t>&#" + "9".repeat(400) + ";&#x" + "F".repeat(400) + ";</t>"))
                .isEqualTo("<t></t>");
        assertThat(XmlSafeText.cleanDocument("<t>&#xD800;&#0;&#x0000000041;&#0000000000233;&#x1F600;&#1114111;</t>"))
                .isEqualTo("<t>&#x0000000041;&#0000000000233;&#x1F600;&#1114111;</t>");
    }
}
