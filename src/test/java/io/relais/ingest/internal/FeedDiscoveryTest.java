package io.relais.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.relais.ingest.SourceCheck;

class FeedDiscoveryTest {

    @Test
    void aHomePageAnnouncesItsRssAndAtomFeedsResolvedAgainstItsAddress() {
        String page = """
                <!DOCTYPE html><html><head><title>Le Quotidien</title>
                <link rel="alternate" type="application/rss+xml" title="À la une" href="/rss/une.xml">
                <link rel="alternate" type="application/atom+xml" href="https://cdn.example.org/atom.xml">
                <link rel="alternate" type="application/feed+json" href="/feed.json">
                <link rel="alternate" hreflang="en" href="/en/">
                <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
                <link rel="alternate" type="application/rss+xml" title="again" href="/rss/une.xml">
                </head><body></body></html>""";
        assertThat(FeedDiscovery.announced("https://www.example.org/", page.getBytes(StandardCharsets.UTF_8), "text/html"))
                .containsExactly(
                        new SourceCheck.DiscoveredFeed("https://www.example.org/rss/une.xml", "À la une", "application/rss+xml"),
                        new SourceCheck.DiscoveredFeed("https://cdn.example.org/atom.xml", null, "application/atom+xml"));
    }

    @Test
    void somethingThatIsNotHtmlAnnouncesNothing() {
        assertThat(FeedDiscovery.announced("https://x.example/", "{\"a\": 1}".getBytes(StandardCharsets.UTF_8),
                "application/json")).isEmpty();
    }
}
