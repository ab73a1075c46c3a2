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

    @Test
    void everySpecialPurposeRangeIsRefusedIpv4AndIpv6() {
        UrlPolicy strict = new UrlPolicy(false, false);
        String[] internal = {"0.1.2.3", "10.0.0.1", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.8.9.10",
                "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.168.1.1", "198.18.0.1",
                "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1",
                "255.255.255.255", "[::]", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]", "[::127.0.0.1]",
                "[64:ff9b::a00:1]", "[100::1]", "[2001::1]", "[2001:db8::1]", "[2002:a00:1::]", "[fc00::1]",
                "[fd00::1]", "[fe80::1]", "[ff02::1]"};
        for (String host : internal) {
            assertThat(strict.refusal("http://" + host + "/feed")).as(host).contains("internal address");
        }
    }

    @Test
    void publicAddressesNextToTheRangesAreAccepted() {
        UrlPolicy strict = new UrlPolicy(false, false);
        String[] publicHosts = {"1.1.1.1", "9.255.255.255", "11.0.0.1", "100.63.255.255", "100.128.0.1", "126.255.255.255",
                "172.15.255.255", "172.32.0.1", "192.0.3.1", "192.167.255.255", "198.17.255.255", "198.20.0.1",
                "223.255.255.255", "[2606:4700:4700::1111]", "[2a00:1450:4007:80a::200e]", "[2001:4860:4860::8888]"};
        for (String host : publicHosts) {
            assertThat(strict.refusal("https://" + host + "/feed")).as(host).isNull();
        }
    }

    @Test
    void aHostIsRefusedWhenAnyOfItsAddressesIsInternal() {
        UrlPolicy strict = new UrlPolicy(false, false) {
            @Override
            java.net.InetAddress[] lookup(String host) throws java.net.UnknownHostException {
                return new java.net.InetAddress[] {java.net.InetAddress.getByName("93.184.215.14"),
                        java.net.InetAddress.getByName("10.0.0.5")};
            }
        };
        assertThat(strict.refusal("http://mixed.example/feed")).contains("internal address").contains("10.0.0.5");
    }

    @Test
    void onlyHttpAndHttpsSchemesAndFilesWhenAllowedPassTheSchemeCheck() {
        assertThat(new UrlPolicy(false, false).schemeRefusal("file:demo/feed.xml")).contains("not allowed");
        assertThat(new UrlPolicy(false, true).schemeRefusal("file:demo/feed.xml")).isNull();
        assertThat(new UrlPolicy(false, false).schemeRefusal("HTTPS://exemple.fr/")).isNull();
        assertThat(new UrlPolicy(true, true).schemeRefusal("ftp://exemple.fr/")).contains("unsupported URL scheme");
    }
}
