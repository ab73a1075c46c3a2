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
 * {@code /feeds/{lang}/archive/{n}/...}. Anything else under {@code /feeds/} (partner feeds, unknown paths) goes on.
 */
class PublicFeedFilter extends OncePerRequestFilter {

    private static final Pattern FEED = Pattern.compile("^/feeds/([a-z]{2,3})/(?:archive/(\\d{1,9})/)?(rss\\.xml|atom\\.xml|feed\\.json)$");
    private static final Pattern LANGUAGE_PAGE = Pattern.compile("^/feeds/([a-z]{2,3})/(?:index\\.html)?$");

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
            long page = feed.group(2) == null ? 0 : Long.parseLong(feed.group(2));
            Optional<Document> doc = properties.publicFeeds() ? documents.feed(feed.group(1), format, page) : Optional.empty();
            if (doc.isEmpty()) {
                DocumentSecurity.applyForPath(response, path);   // the error page says so, and runs nothing either
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            DocumentResponder.respond(request, response, doc.get(), page == 0 ? subscriptionHeaders(path) : publicPage);
            return;
        }
        if (path.equals("/feeds") || path.equals("/feeds/") || path.equals("/feeds/index.html")) {
            DocumentResponder.respond(request, response, documents.index(), publicPage);
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
