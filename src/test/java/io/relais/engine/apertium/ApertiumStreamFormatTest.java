package io.relais.engine.apertium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ApertiumStreamFormatTest {

    @Test
    void markupBecomesSuperblanksAndEntitiesAreDecoded() {
        assertThat(ApertiumStreamFormat.fromHtml("<p class=\"x\">L&#39;&eacute;t&eacute; &amp; [toi]</p>"))
                .isEqualTo("[<p class=\"x\">]L'été & \\[toi\\][</p>]");
    }

    @Test
    void specialCharactersAreEscapedInPlainText() {
        assertThat(ApertiumStreamFormat.fromPlain("a^b$c/d{e}")).isEqualTo("a\\^b\\$c\\/d\\{e\\}");
    }

    @Test
    void handlesHashtagsAndStarsAreProtected() {
        assertThat(ApertiumStreamFormat.fromPlain("voir @relais et #info")).isEqualTo("voir [\u0001@relais] et [\u0001#info]");
    }

    @Test
    void marksAreStrippedAndCountedOnTheWayBack() {
        ApertiumStreamFormat.Decoded decoded = ApertiumStreamFormat.toText("El *zorglub y #hacer @casa 5\\/6.", false);
        assertThat(decoded.text()).isEqualTo("El zorglub y hacer casa 5/6.");
        assertThat(decoded.marks()).isEqualTo(3);
    }

    @Test
    void textIsReEscapedForHtmlButSuperblanksAreKept() {
        ApertiumStreamFormat.Decoded decoded = ApertiumStreamFormat.toText("[<b>]A & B[<\\/b>] [\u0001@moi]", true);
        assertThat(decoded.text()).isEqualTo("<b>A &amp; B</b> @moi");
        assertThat(decoded.marks()).isZero();
    }

    @Test
    void modeScriptsSplitIntoProgramsWithGenerationMarks() {
        List<List<String>> programs = ApertiumModes.parse(
                "lt-proc -z '/a b/fr-es.automorf.bin' | apertium-tagger -z -g $2 \"x.prob\" | lt-proc -z $1 'gen.bin'");
        assertThat(programs).containsExactly(
                List.of("lt-proc", "-z", "/a b/fr-es.automorf.bin"),
                List.of("apertium-tagger", "-z", "-g", "x.prob"),
                List.of("lt-proc", "-z", "-g", "gen.bin"));
    }
}
