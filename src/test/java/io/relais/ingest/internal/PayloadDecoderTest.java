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

    @Test
    void utf8MixedWithOtherBytesIsRefusedWithTheOffset() {
        byte[] utf8 = "Été à Noël".getBytes(StandardCharsets.UTF_8);
        byte[] mixed = java.util.Arrays.copyOf(utf8, utf8.length + 2);
        mixed[utf8.length] = (byte) 0xE9;   // a Latin-1 "é" after UTF-8 text
        mixed[utf8.length + 1] = 'x';
        assertThatThrownBy(() -> PayloadDecoder.decode(mixed)).hasMessageContaining("invalid UTF-8")
                .hasMessageContaining("offset " + utf8.length);
    }

    @Test
    void aDeclaredEncodingIsHonouredAndAnUnknownOneRefused() {
        byte[] latin9 = "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><t>5 €</t>".getBytes(Charset.forName("ISO-8859-15"));
        assertThat(PayloadDecoder.decode(latin9)).endsWith("<t>5 €</t>");
        byte[] html = "<html><head><meta charset=\"iso-8859-1\"></head><body>Noël</body></html>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PayloadDecoder.decode(html)).contains("Noël");
        assertThatThrownBy(() -> PayloadDecoder.decode("<?xml version=\"1.0\" encoding=\"macintosh\"?><t/>"
                .getBytes(StandardCharsets.US_ASCII))).hasMessageContaining("unsupported encoding 'macintosh'");
    }

    @Test
    void utf16AndUtf32WithAByteOrderMarkAreText() {
        for (String charset : new String[] {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"}) {
            byte[] bytes = "\uFEFFÉté à Noël".getBytes(Charset.forName(charset));
            assertThat(PayloadDecoder.decode(bytes)).as(charset).isEqualTo("Été à Noël");
        }
    }

    @Test
    void utf16AndUtf32WithoutAByteOrderMarkAreRecognisedWhateverTheDocument() {
        String[] documents = {"<?xml version=\"1.0\"?><rss><title>Été</title></rss>", "<rss version=\"2.0\"><title>Été</title></rss>",
                "<html><body><h1>Noël à Brest</h1></body></html>", "{\"title\": \"Noël à Brest\"}",
                "Noël à Brest\n\nLe marché ouvre samedi.", "À Brest, le marché ouvre samedi."};
        for (String charset : new String[] {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"}) {
            for (String document : documents) {
                assertThat(PayloadDecoder.decode(document.getBytes(Charset.forName(charset)))).as(charset + " " + document)
                        .isEqualTo(document);
                // and when the transport says so too
                assertThat(PayloadDecoder.decode(document.getBytes(Charset.forName(charset)), charset.toLowerCase()))
                        .as(charset + " declared by HTTP").isEqualTo(document);
            }
        }
    }

    @Test
    void binaryContentIsRefusedEvenWhenItsZeroBytesLookLikeUtf16() {
        // little-endian 16-bit numbers (audio samples, say): zero high bytes, as UTF-16LE text would have
        byte[] samples = new byte[400];
        for (int i = 0; i < samples.length; i += 2) {
            samples[i] = (byte) (i % 7 + 1);
        }
        assertThatThrownBy(() -> PayloadDecoder.decode(samples)).hasMessageContaining("binary");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> PayloadDecoder.decode(png)).hasMessageContaining("binary");
        assertThatThrownBy(() -> PayloadDecoder.decode(new byte[] {0, 0, 0, 1, 0, 0, 0, 2})).hasMessageContaining("binary");
    }
}
