package io.relais.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.relais.article.Source;

class OpmlTest {

    private final Opml opml = new Opml();

    @Test
    void sourcesWrittenAsOpmlAreReadBackWithTheirNames() {
        Source source = new Source(1, "https://example.org/rss?a=1&b=2", Source.Kind.FEED, "L'Écho & Cie", 900, null,
                null, null, null, null, 0, false, false, null, null);
        String written = opml.write(List.of(source));
        assertThat(written).contains("xmlUrl=\"https://example.org/rss?a=1&amp;b=2\"");
        assertThat(opml.read(written)).containsExactly(new Opml.Outline("https://example.org/rss?a=1&b=2", "L'Écho & Cie"));
    }

    @Test
    void feedsInFoldersAreFoundAndOutlinesWithoutAFeedAreSkipped() {
        List<Opml.Outline> read = opml.read("""
                <opml version="1.0"><body><outline text="News"><outline text="A" xmlUrl="https://a.example/feed"/>
                <outline text="B"><outline title="C" text="c" xmlUrl="https://c.example/rss"/></outline></outline>
                <outline text="a web page" htmlUrl="https://d.example/"/></body></opml>""");
        assertThat(read).containsExactly(new Opml.Outline("https://a.example/feed", "A"),
                new Opml.Outline("https://c.example/rss", "C"));
    }

    @Test
    void aDoctypeOrSomethingElseThanOpmlIsRefusedWithTheReason() {
        assertThatThrownBy(() -> opml.read("<!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><opml><body>"
                + "<outline xmlUrl=\"&x;\"/></body></opml>")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> opml.read("<rss/>")).hasMessageContaining("not <opml>");
        assertThatThrownBy(() -> opml.read("<opml><body/></opml>")).hasMessageContaining("no <outline>");
        assertThatThrownBy(() -> opml.read("<opml><body>")).hasMessageContaining("not well-formed");
    }
}
