package io.relais.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PayloadDecoderTest {

    @Test
    void readsUtf8WithOrWithoutBom() {
        byte[] utf8 = "Été à Noël".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        assertThat(PayloadDecoder.decode(utf8)).isEqualTo("Été à Noël");
        assertThat(PayloadDecoder.decode(withBom)).isEqualTo("Été à Noël");
    }

    @Test
    void fallsBackToWindows1252ForLegacyFrenchFiles() {
        byte[] legacy = "Été à Noël, 5 €".getBytes(Charset.forName("windows-1252"));
        assertThat(PayloadDecoder.decode(legacy)).isEqualTo("Été à Noël, 5 €");
    }

    @Test
    void refusesBinaryContent() {
        assertThatThrownBy(() -> PayloadDecoder.decode(new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0}))
                .hasMessageContaining("binary");
    }
}
