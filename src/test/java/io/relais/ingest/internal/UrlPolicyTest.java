package io.relais.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class UrlPolicyTest {

    @Test
    void internalAddressesCanBeForbidden() {
        UrlPolicy strict = new UrlPolicy(false, false);
        assertThat(strict.refusal("http://127.0.0.1:8080/feed")).contains("internal address");
        assertThat(strict.refusal("http://localhost/feed")).contains("internal address");
        assertThat(strict.refusal("http://10.1.2.3/feed")).contains("internal address");
        assertThat(strict.refusal("http://169.254.169.254/latest/meta-data")).contains("internal address");
        assertThat(strict.refusal("file:/etc/passwd")).contains("not allowed");
        assertThat(strict.refusal("gopher://exemple.fr")).contains("unsupported URL scheme");
    }

    @Test
    void byDefaultLocalUseIsAllowed() {
        UrlPolicy local = new UrlPolicy(true, true);
        assertThat(local.refusal("http://127.0.0.1:8080/feed")).isNull();
        assertThat(local.refusal("file:demo/feed.xml")).isNull();
        assertThat(local.refusal("javascript:alert(1)")).contains("unsupported URL scheme");
    }

    @Test
    void backoffDoublesFromThePollIntervalUpToADay() {
        assertThat(FeedFetcher.backoff(900, 0)).isEqualTo(Duration.ofMinutes(15));
        assertThat(FeedFetcher.backoff(900, 1)).isEqualTo(Duration.ofMinutes(30));
        assertThat(FeedFetcher.backoff(10, 0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(FeedFetcher.backoff(900, 30)).isEqualTo(Duration.ofDays(1));
    }
}
