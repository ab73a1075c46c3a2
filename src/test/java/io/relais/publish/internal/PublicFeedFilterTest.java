package io.relais.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.relais.publish.FeedFormat;
import io.relais.publish.PublishSettings;

class PublicFeedFilterTest {

    static final Document FEED = Document.of("<feed/>", "application/atom+xml;charset=UTF-8", Instant.parse("2026-11-20T08:00:00Z"));

    /** Documents that always have the same feed, whatever is asked. */
    static class OneFeed extends FeedDocuments {
        OneFeed() {
            super(null, null, properties(true), new io.relais.translation.TargetLanguages(List.of("es")), null, null,
                    null);
        }

        @Override
        public Optional<Document> feed(String lang, FeedFormat format, long page) {
            return Optional.of(FEED);
        }
    }

    static PublishSettings properties(boolean publicFeeds) {
        return new PublishSettings("http://relais.example", Path.of("feeds"), 50, Duration.ofMinutes(5), publicFeeds, List.of());
    }

    @Test
    void publicFeedsSwitchedOffAnswer404WhilePartnerFeedsGoOn() throws Exception {
        PublicFeedFilter filter = new PublicFeedFilter(new OneFeed(), properties(false));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("GET", "/feeds/es/atom.xml"), response, chain);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(chain.getRequest()).isNull();
        // a problem detail, as the partner feeds and the API answer (not the framework's own error page)
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).startsWith("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no feed")
                .endsWith(",\"instance\":\"/feeds/es/atom.xml\"}");
        assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(DocumentSecurity.FEED_POLICY);

        // a person following a link in a browser: the not-found page (in the address's language, PagesBrowserTest)
        MockHttpServletRequest browser = new MockHttpServletRequest("GET", "/feeds/es/atom.xml");
        browser.addHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        MockHttpServletResponse page = new MockHttpServletResponse();
        filter.doFilter(browser, page, new MockFilterChain());
        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContentType()).isNull();   // the container's error page renders it
        assertThat(page.getContentAsString()).isEmpty();
        // a feed reader naming its formats, or anything: the problem detail
        MockHttpServletRequest reader = new MockHttpServletRequest("GET", "/feeds/es/atom.xml");
        reader.addHeader("Accept", "application/atom+xml, application/rss+xml;q=0.9, */*;q=0.1");
        MockHttpServletResponse problem = new MockHttpServletResponse();
        filter.doFilter(reader, problem, new MockFilterChain());
        assertThat(problem.getContentType()).isEqualTo("application/problem+json");

        MockFilterChain partnerChain = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("GET", "/feeds/p/abc/es/atom.xml"), new MockHttpServletResponse(), partnerChain);
        assertThat(partnerChain.getRequest()).isNotNull();
    }

    @Test
    void anUnchangedFeedIsA304ForEitherValidatorAndHeadHasNoBody() throws Exception {
        PublicFeedFilter filter = new PublicFeedFilter(new OneFeed(), properties(true));
        MockHttpServletRequest conditional = new MockHttpServletRequest("GET", "/feeds/es/atom.xml");
        conditional.addHeader("If-None-Match", "W/" + FEED.etag());
        MockHttpServletResponse notModified = new MockHttpServletResponse();
        filter.doFilter(conditional, notModified, new MockFilterChain());
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getContentAsByteArray()).isEmpty();
        assertThat(notModified.getHeader("ETag")).isEqualTo(FEED.etag());

        MockHttpServletRequest since = new MockHttpServletRequest("GET", "/feeds/es/atom.xml");
        since.addHeader("If-Modified-Since", "Fri, 20 Nov 2026 08:00:00 GMT");
        MockHttpServletResponse sinceResponse = new MockHttpServletResponse();
        filter.doFilter(since, sinceResponse, new MockFilterChain());
        assertThat(sinceResponse.getStatus()).isEqualTo(304);

        MockHttpServletRequest older = new MockHttpServletRequest("GET", "/feeds/es/atom.xml");
        older.addHeader("If-Modified-Since", "Thu, 19 Nov 2026 08:00:00 GMT");
        MockHttpServletResponse olderResponse = new MockHttpServletResponse();
        filter.doFilter(older, olderResponse, new MockFilterChain());
        assertThat(olderResponse.getStatus()).isEqualTo(200);
        assertThat(olderResponse.getContentAsString()).isEqualTo("<feed/>");
        assertThat(olderResponse.getHeader("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(olderResponse.getHeader("Last-Modified")).isEqualTo("Fri, 20 Nov 2026 08:00:00 GMT");

        MockHttpServletResponse head = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("HEAD", "/feeds/es/atom.xml"), head, new MockFilterChain());
        assertThat(head.getStatus()).isEqualTo(200);
        assertThat(head.getHeader("ETag")).isEqualTo(FEED.etag());
        assertThat(head.getContentLength()).isEqualTo(7);
        assertThat(head.getContentAsByteArray()).isEmpty();

        MockHttpServletResponse post = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/feeds/es/atom.xml"), post, new MockFilterChain());
        assertThat(post.getStatus()).isEqualTo(405);
    }

    /** RFC 9110 §5.6.7: a recipient accepts all three HTTP-date formats, not only the IMF-fixdate it sends. */
    @Test
    void ifModifiedSinceIsHonouredInEachOfTheThreeHttpDateFormats() throws Exception {
        PublicFeedFilter filter = new PublicFeedFilter(new OneFeed(), properties(true));
        for (String date : List.of("Fri, 20 Nov 2026 08:00:00 GMT", "Friday, 20-Nov-26 08:00:00 GMT",
                "Fri Nov 20 08:00:00 2026")) {
            MockHttpServletRequest since = new MockHttpServletRequest("GET", "/feeds/es/atom.xml");
            since.addHeader("If-Modified-Since", date);
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(since, response, new MockFilterChain());
            assertThat(response.getStatus()).as(date).isEqualTo(304);
        }
        MockHttpServletRequest unreadable = new MockHttpServletRequest("GET", "/feeds/es/atom.xml");
        unreadable.addHeader("If-Modified-Since", "yesterday");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(unreadable, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
