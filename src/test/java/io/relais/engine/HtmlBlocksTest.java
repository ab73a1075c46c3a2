package io.relais.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HtmlBlocksTest {

    @Test
    void blocksAreSegmentsAndInlineRunsBetweenThemToo() {
        String html = "Un <b>début</b> libre<p>Un paragraphe <a href=\"x\">lié</a>.</p><h2>Titre</h2>et une fin";
        List<String> segments = HtmlBlocks.split(html);
        assertThat(segments).containsExactly("Un <b>début</b> libre", "<p>Un paragraphe <a href=\"x\">lié</a>.</p>",
                "<h2>Titre</h2>", "et une fin");
        assertThat(String.join("", segments)).isEqualTo(html);
    }
}
