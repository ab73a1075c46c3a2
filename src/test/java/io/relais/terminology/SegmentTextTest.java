package io.relais.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Offsets into a segment's text exactly as passed, and edits that refuse any other text. */
class SegmentTextTest {

    @Test
    void theChecksReadTheTextOfAnHtmlBlockWithEntitiesDecodedAndWhitespaceCollapsed() {
        SegmentText html = SegmentText.html("<p>La  <em>casa</em>&#xa0;&amp;\n el <a href=\"/x?a=1&amp;b=2\">perro</a></p>");
        assertThat(html.plain()).isEqualTo("La casa\u00a0& el perro");
    }

    @Test
    void aPlainSpanMapsToTheSameCharactersOfTheHtml() {
        String text = "<p>Los <strong>vecinos</strong> &amp; el alcalde aprovaron.</p>";
        SegmentText html = SegmentText.html(text);
        String plain = html.plain();
        int at = plain.indexOf("aprovaron");
        SegmentText.Span span = html.toTextSpan(at, at + "aprovaron".length());
        assertThat(text.substring(span.start(), span.end())).isEqualTo("aprovaron");
        assertThat(span.crossesMarkup()).isFalse();

        int amp = plain.indexOf('&');
        SegmentText.Span entity = html.toTextSpan(amp, amp + 1);
        assertThat(text.substring(entity.start(), entity.end())).isEqualTo("&amp;");

        int from = plain.indexOf("vecinos");
        SegmentText.Span across = html.toTextSpan(from, plain.indexOf("alcalde") + "alcalde".length());
        assertThat(text.substring(across.start(), across.end())).isEqualTo("vecinos</strong> &amp; el alcalde");
        assertThat(across.crossesMarkup()).isTrue();
    }

    @Test
    void aLineBreakSeparatesWords() {
        assertThat(SegmentText.html("<p>uno<br>dos</p>").plain()).isEqualTo("uno dos");
        assertThat(SegmentText.html("<ul><li>uno</li><li>dos</li></ul>").plain()).isEqualTo("uno dos");
        assertThat(SegmentText.html("<p>u<em>n</em>o</p>").plain()).isEqualTo("uno");
    }

    @Test
    void plainTextIsReadAsItIs() {
        SegmentText title = SegmentText.plain("  Rennes &amp;  Vitré ");
        assertThat(title.plain()).isEqualTo(title.text());
        assertThat(title.toTextSpan(2, 8)).isEqualTo(new SegmentText.Span(2, 8, false));
    }

    @Test
    void theFingerprintIsTheSha256OfTheExactText() {
        assertThat(SegmentText.plain("abc").fingerprint())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(SegmentText.plain("abc ").fingerprint()).isNotEqualTo(SegmentText.plain("abc").fingerprint());
    }

    @Test
    void anEditAppliesOnlyToTheTextItWasComputedOnAndEscapesForHtml() {
        SegmentText html = SegmentText.html("<p>con la plantaión de <em>Rennes</em></p>");
        int at = html.text().indexOf("plantaión");
        TextEdit edit = TextEdit.of(html, at, at + "plantaión".length(), "plantación & co");
        assertThat(edit.applyTo(html).text()).isEqualTo("<p>con la plantación &amp; co de <em>Rennes</em></p>");

        SegmentText edited = SegmentText.html("<p>hoy con la plantaión de <em>Rennes</em></p>");
        assertThatThrownBy(() -> edit.applyTo(edited)).isInstanceOf(StaleTextException.class);
    }

    @Test
    void anEditThatWouldCutATagIsRefused() {
        SegmentText html = SegmentText.html("<p>la <em>casa</em></p>");
        int at = html.text().indexOf("casa");
        TextEdit across = TextEdit.of(html, at, at + "casa</em>".length(), "casas");
        assertThatThrownBy(() -> across.applyTo(html)).isInstanceOf(StaleTextException.class);
        TextEdit inside = TextEdit.of(html, 1, 2, "x");
        assertThatThrownBy(() -> inside.applyTo(html)).isInstanceOf(StaleTextException.class);
    }
}
