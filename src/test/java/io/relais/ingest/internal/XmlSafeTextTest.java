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
}
