package io.relais.publish.internal;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of what publish serves to anyone: feeds, OPML, the feed pages and the article pages. None of
 * them runs anything, so their Content-Security-Policy allows no script at all (stricter than the signed-in pages',
 * which allow their own scripts by nonce):
 * <ul>
 * <li>feed documents (RSS, Atom, JSON Feed, OPML): nothing but what a browser's own viewer needs to show the file.
 * Chromium's XML tree viewer styles the tree inline and draws its fold arrows as {@code data:} SVG images (with
 * {@code default-src 'none'} alone it logs both as violations), hence {@code style-src 'unsafe-inline'} and
 * {@code img-src data:}; {@code sandbox} gives the document an opaque origin, so that markup a reader might render
 * from a feed (XHTML elements inside Atom, say) can never act as this site;</li>
 * <li>HTML pages: their one inline style sheet and the articles' images (from wherever the article has them).</li>
 * </ul>
 * Both forbid framing, {@code <base>} and form posts. {@code X-Content-Type-Options: nosniff} keeps a browser from
 * reading a feed as HTML; {@code Referrer-Policy: same-origin} as on every page. The public feed filter, which answers
 * ahead of every other filter, sets them itself (on its 404s too).
 */
final class DocumentSecurity {

    static final String FEED_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private DocumentSecurity() {
    }

    /** Sets the headers for a document of this media type (on 200 and 304 alike). */
    static void apply(HttpServletResponse response, String contentType) {
        boolean html = contentType != null && contentType.startsWith("text/html");
        response.setHeader("Content-Security-Policy", html ? PAGE_POLICY : FEED_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
    }

    /**
     * The headers for whatever is answered at a public address before (or instead of) its document — a 404, a refused
     * method, an error page: a feed document's address ({@code .xml}, {@code .json}, {@code .opml}) keeps the feed
     * policy, any other (feed pages, article pages) the page policy.
     */
    static void applyForPath(HttpServletResponse response, String path) {
        boolean feedDocument = path.endsWith(".xml") || path.endsWith(".json") || path.endsWith(".opml");
        apply(response, feedDocument ? "application/xml" : "text/html");
    }
}
