package io.relais.publish.internal;

import java.util.ArrayList;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.relais.http.ApiProblem;
import io.relais.publish.FeedFormat;
import io.relais.publish.Partner;
import io.relais.publish.Partners;
import io.relais.publish.PublishSettings;

/**
 * A partner's feeds: {@code /feeds/p/{token}/{lang}/rss.xml|atom.xml|feed.json}. The token is in the path because
 * many feed readers cannot send credentials. A wrong, revoked or replaced token, or a language the partner may not
 * read, gets the same 404 problem detail (nothing tells a guesser which tokens exist). Responses may be cached
 * privately only.
 */
@RestController
class PartnerFeedController {

    private final Partners partners;
    private final FeedDocuments documents;
    private final DocumentResponder.Headers headers;
    private final DocumentResponder.Headers archiveHeaders =
            new DocumentResponder.Headers("private, max-age=31536000, immutable", List.of());

    private final PartnerTopics topics;
    private final List<String> hubs;
    private final String base;

    PartnerFeedController(Partners partners, FeedDocuments documents, PublishSettings properties, PartnerTopics topics) {
        this.topics = topics;
        this.partners = partners;
        this.documents = documents;
        this.headers = new DocumentResponder.Headers("private, max-age=" + properties.cacheMaxAge().toSeconds(), List.of());
        this.hubs = properties.partnerHubs();
        this.base = properties.baseUrlWithoutSlash();
    }

    @GetMapping({"/feeds/p/{token}/{lang}/{file:rss\\.xml|atom\\.xml|feed\\.json}"})
    void feed(@PathVariable String token, @PathVariable String lang, @PathVariable String file,
              HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(token, lang, file, 0, request, response);
    }

    /** An archive page of the partner's feed (RFC 5005): fixed once written, cached for a year. */
    @GetMapping({"/feeds/p/{token}/{lang}/archive/{page:[1-9][0-9]{0,8}}/{file:rss\\.xml|atom\\.xml|feed\\.json}"})
    void archive(@PathVariable String token, @PathVariable String lang, @PathVariable long page, @PathVariable String file,
                 HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(token, lang, file, page, request, response);
    }

    /** The trusted hubs, if any, and the document itself (the topic) in Link headers, as for the public feeds. */
    private DocumentResponder.Headers subscriptionHeaders(HttpServletRequest request) {
        if (hubs.isEmpty()) {
            return headers;
        }
        List<String> links = new ArrayList<>();
        hubs.forEach(hub -> links.add("<" + hub + ">; rel=\"hub\""));
        links.add("<" + base + request.getRequestURI() + ">; rel=\"self\"");
        return new DocumentResponder.Headers(headers.cacheControl(), links);
    }

    private void answer(String token, String lang, String file, long page, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        Optional<Partner> partner = partners.byToken(token);
        Optional<Document> doc = partner.isEmpty() || !partner.get().languages().contains(lang) ? Optional.empty()
                : documents.partnerFeed(partner.get(), token, lang, PublicFeedFilter.format(file), page);
        if (doc.isEmpty() && partner.isPresent() && page > 0 && partner.get().languages().contains(lang)
                && documents.publishes(lang) && page == documents.archivePages(FeedKeys.partnerFeed(partner.get().id(), lang)) + 1) {
            DocumentResponder.redirectToCurrent(response, "/feeds/p/" + token + "/" + lang + "/" + file);
            return;
        }
        if (doc.isEmpty()) {
            throw noFeed();
        }
        partners.recordFetch(partner.get().id(), DocumentResponder.notModified(request, doc.get()));
        topics.seen(partner.get().id(), token);
        response.setHeader("Referrer-Policy", "no-referrer");
        DocumentResponder.respond(request, response, doc.get(), page == 0 ? subscriptionHeaders(request) : archiveHeaders);
    }

    /**
     * One answer, word for word, for a wrong, revoked or replaced token, a language the partner may not read and a
     * page that does not exist: a problem detail like every API error, that tells a guesser nothing.
     */
    private static ApiProblem noFeed() {
        return new ApiProblem(HttpStatus.NOT_FOUND,
                "no feed at this address: the token is wrong, revoked or replaced, or the feed is not the partner's");
    }
}
