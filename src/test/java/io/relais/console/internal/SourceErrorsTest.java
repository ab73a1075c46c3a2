package io.relais.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceErrorsTest {

    @Test
    void theFetchersAndParsersWordsBecomeTheOperatorsSentences() {
        assertThat(SourceErrors.explain("HTTP 404 from https://example.org/rss.xml").key()).isEqualTo("console.error.notFound");
        assertThat(SourceErrors.explain("HTTP 404 from https://example.org/rss.xml").args()).containsExactly(404);
        assertThat(SourceErrors.explain("HTTP 503 from https://example.org/").key()).isEqualTo("console.error.server");
        assertThat(SourceErrors.explain("HTTP 403 from x").key()).isEqualTo("console.error.forbidden");
        assertThat(SourceErrors.explain("unknown host feeds.example.invalid").key()).isEqualTo("console.error.dns");
        assertThat(SourceErrors.explain("Connect to 127.0.0.1:9 failed: Connection refused").key())
                .isEqualTo("console.error.refused");
        assertThat(SourceErrors.explain("not a readable RSS or Atom feed: Content is not allowed in prolog.").key())
                .isEqualTo("console.error.notAFeed");
        assertThat(SourceErrors.explain("unreadable feed: Invalid XML").key()).isEqualTo("console.error.notAFeed");
        assertThat(SourceErrors.explain("no item is in French: Relais translates French articles only").key())
                .isEqualTo("console.error.notFrench");
        assertThat(SourceErrors.explain("not polled: 10.0.0.1 is an internal address (10.0.0.1)").key())
                .isEqualTo("console.error.policy");
        assertThat(SourceErrors.explain("check before adding: this is a web page, not a feed: it announces 2 feed(s)").key())
                .isEqualTo("console.error.webPage");
        assertThat(SourceErrors.explain("Read timed out").key()).isEqualTo("console.error.timeout");
        assertThat(SourceErrors.explain("something nobody foresaw").key()).isEqualTo("console.error.other");
        assertThat(SourceErrors.explain(null)).isNull();
    }
}
