package io.relais.publish.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import io.relais.publish.FeedFormat;
import io.relais.publish.PublishSettings;

/**
 * Serves the public feed documents straight from memory, ahead of everything else in the request path (they are
 * public, so there is nothing for security or MVC to decide): {@code /feeds/} (index), {@code /feeds/feeds.opml},
 * {@code /feeds/{lang}/} (HTML), {@code /feeds/{lang}/rss.xml|atom.xml|feed.json} and their archive pages
 * {@code /feeds/{lang}/archive/{n}/...} (served as immutable: they never change). Each document has one address:
 * {@code /feeds}, {@code /feeds/es}, the {@code index.html} names and archive numbers with leading zeros are
 * answered 301 with it; archive page 0 does not exist. Anything else under {@code /feeds/} (partner feeds, unknown
 * paths) goes on.
 */
class PublicFeedFilter extends OncePerRequestFilter {

    private static final Pattern FEED = Pattern.compile("^/feeds/([a-z]{2,3})/(?:archive/(\\d{1,9})/)?(rss\\.xml|atom\\.xml|feed\\.json)$");
    private static final Pattern LANGUAGE_PAGE = Pattern.compile("^/feeds/([a-z]{2,3})/$");
    /** The same pages at addresses that are not theirs: {@code /feeds/es}, {@code /feeds/es/index.html}, {@code /feeds/index.html}. */
    private static final Pattern OTHER_ADDRESS = Pattern.compile("^/feeds(/[a-z]{2,3})?(/index\\.html)?$");
    /** An archive page is written {@code /archive/1/}; {@code /archive/01/} is the same page at another address. */
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final FeedDocuments documents;
    private final PublishSettings properties;
    private final DocumentResponder.Headers publicPage;

    PublicFeedFilter(FeedDocuments documents, PublishSettings properties) {
        this.documents = documents;
        this.properties = properties;
        this.publicPage = new DocumentResponder.Headers("public, max-age=" + properties.cacheMaxAge().toSeconds(), List.of());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (path.startsWith("/feeds/p/")) {
            chain.doFilter(request, response);
            return;
        }
        Matcher feed = FEED.matcher(path);
        if (feed.matches()) {
            FeedFormat format = format(feed.group(3));
            String number = feed.group(2);
            if (number != null && number.startsWith("0") && number.matches("0+[1-9]\\d*")) {
                redirect(response, "/feeds/" + feed.group(1) + "/archive/" + Long.parseLong(number) + "/" + feed.group(3));
                return;
            }
            long page = number == null ? 0 : Long.parseLong(number);
            Optional<Document> doc = properties.publicFeeds() && (number == null || page > 0)
                    ? documents.feed(feed.group(1), format, page) : Optional.empty();
            if (doc.isEmpty() && page > 0 && properties.publicFeeds() && documents.publishes(feed.group(1))
                    && page == documents.archivePages(feed.group(1)) + 1) {
                // the page being filled: its entries are in the subscription document until it is complete
                DocumentResponder.redirectToCurrent(response, "/feeds/" + feed.group(1) + "/" + feed.group(3));
                return;
            }
            if (doc.isEmpty()) {
                DocumentResponder.notFound(request, response, path, "no feed document at this address: the language"
                        + " is not published here, or the archive page does not exist");
                return;
            }
            DocumentResponder.respond(request, response, doc.get(), page == 0 ? subscriptionHeaders(path)
                    : new DocumentResponder.Headers(IMMUTABLE, List.of()));
            return;
        }
        if (path.equals("/feeds/")) {
            DocumentResponder.respond(request, response, documents.index(), publicPage);
            return;
        }
        Matcher other = OTHER_ADDRESS.matcher(path);
        if (other.matches() && (other.group(1) == null || documents.publishes(other.group(1).substring(1)))) {
            redirect(response, "/feeds" + (other.group(1) == null ? "" : other.group(1)) + "/");
            return;
        }
        if (path.equals("/feeds/feeds.opml") && properties.publicFeeds()) {
            DocumentResponder.respond(request, response, documents.opml(), publicPage);
            return;
        }
        Matcher language = LANGUAGE_PAGE.matcher(path);
        if (language.matches()) {
            Optional<Document> doc = documents.languagePage(language.group(1));
            if (doc.isPresent()) {
                DocumentResponder.respond(request, response, doc.get(), publicPage);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** 301 to the one address of a document (relative: the client resolves it against the request's). */
    private void redirect(HttpServletResponse response, String location) {
        DocumentSecurity.apply(response, "text/html");
        response.setHeader("Cache-Control", publicPage.cacheControl());
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", location);
    }

    /** A subscription document also names its WebSub hubs and itself (the topic) in Link headers. */
    private DocumentResponder.Headers subscriptionHeaders(String path) {
        if (properties.hubs().isEmpty()) {
            return publicPage;
        }
        List<String> links = new ArrayList<>();
        properties.hubs().forEach(hub -> links.add("<" + hub + ">; rel=\"hub\""));
        links.add("<" + properties.baseUrlWithoutSlash() + path + ">; rel=\"self\"");
        return new DocumentResponder.Headers(publicPage.cacheControl(), links);
    }

    static FeedFormat format(String fileName) {
        for (FeedFormat format : FeedFormat.values()) {
            if (format.fileName().equals(fileName)) {
                return format;
            }
        }
        throw new IllegalArgumentException(fileName);
    }
}
