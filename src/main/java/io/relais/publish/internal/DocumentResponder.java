package io.relais.publish.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.cors.CorsUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a GET or HEAD for a {@link Document}: {@code If-None-Match} (or, without it, {@code If-Modified-Since})
 * first, so an unchanged document costs a 304 and nothing else; then the bytes, gzipped when the client accepts it.
 * Both carry the document's security headers ({@link DocumentSecurity}); feed documents (not HTML pages) also
 * {@code Access-Control-Allow-Origin: *} and their validators exposed, so that a partner's web page may read and poll
 * them from a browser, as it may the big publishers' feeds (no cookie or credential is ever involved: a partner's
 * token is in the URL); their CORS preflights are answered ({@link FeedCors}).
 */
final class DocumentResponder {

    /** What the response says about caching and links besides the document itself. */
    record Headers(String cacheControl, List<String> links) {
    }

    private static final JsonMapper PROBLEMS = JsonMapper.builder().build();

    private DocumentResponder() {
    }

    /** Returns true when the request was answered (false: not a GET or HEAD, left to the caller). */
    static boolean respond(HttpServletRequest request, HttpServletResponse response, Document doc, Headers headers)
            throws IOException {
        DocumentSecurity.apply(response, doc.contentType());
        if (!doc.contentType().startsWith("text/html")) {
            if (CorsUtils.isPreFlightRequest(request)) {
                FeedCors.preflight(request, response);
                return true;
            }
            // on every answer, not only to requests with an Origin: a shared cache may hand this one to a browser
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Access-Control-Expose-Headers", FeedCors.EXPOSED);
        }
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return true;
        }
        boolean gzip = doc.gzip() != null && acceptsGzip(request.getHeader("Accept-Encoding"));
        String etag = gzip ? doc.gzipEtag() : doc.etag();
        response.setHeader("ETag", etag);
        response.setHeader("Last-Modified", doc.lastModifiedHeader());
        response.setHeader("Cache-Control", headers.cacheControl());
        response.setHeader("Vary", "Accept-Encoding");
        for (String link : headers.links()) {
            response.addHeader("Link", link);
        }
        if (notModified(request, doc)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            FeedRequests.count(request.getRequestURI(), HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        FeedRequests.count(request.getRequestURI(), HttpServletResponse.SC_OK);
        byte[] body = gzip ? doc.gzip() : doc.body();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(doc.contentType());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!head) {
            response.getOutputStream().write(body);
        }
        return true;
    }

    /**
     * The archive page that follows the newest complete one is not written yet: its address leads (302, not to be
     * cached) to the subscription document, where its entries are meanwhile.
     */
    static void redirectToCurrent(HttpServletResponse response, String location) {
        DocumentSecurity.apply(response, "text/html");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Cache-Control", "no-cache");
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
    }

    /**
     * A feed document that does not exist, answered as the partner feeds and the API answer theirs: a problem detail
     * (RFC 9457), readable from a browser page like the documents themselves, with headers that let nothing run; to
     * a person following a link (a browser asking for HTML), the not-found page in the language of the address.
     */
    static void notFound(HttpServletRequest request, HttpServletResponse response, String path, String detail)
            throws IOException {
        problem(request, response, path, HttpServletResponse.SC_NOT_FOUND, "Not Found", detail);
    }

    /**
     * A page that was published and has been withdrawn: {@code 410 Gone}, so that a partner's crawler or a search
     * engine drops it for good (a 404 may be a mistake to try again), answered like {@link #notFound}: the page
     * saying it was withdrawn, in the address's language, to a browser asking for HTML, else a problem detail. Only
     * the address is named: nothing of what was withdrawn.
     */
    static void gone(HttpServletRequest request, HttpServletResponse response, String path, String detail)
            throws IOException {
        problem(request, response, path, HttpServletResponse.SC_GONE, "Gone", detail);
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, String path, int status,
                                String title, String detail) throws IOException {
        DocumentSecurity.applyForPath(response, path);
        if (asksForHtml(request)) {
            response.sendError(status);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", "*");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", path);
        byte[] body = PROBLEMS.writeValueAsBytes(problem);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A browser's navigation names {@code text/html}; feed readers and scripts name their formats, or anything. */
    private static boolean asksForHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        try {
            return accept != null && MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getQualityValue() > 0 && MediaType.TEXT_HTML.equalsTypeAndSubtype(type));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    static boolean notModified(HttpServletRequest request, Document doc) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, doc);
        }
        try {
            // the servlet container reads all three HTTP-date formats, as RFC 9110 asks of a recipient (older clients
            // and proxies still send RFC 850's "Sunday, 06-Dec-26 ..." and asctime's); -1: no such header
            long ifModifiedSince = request.getDateHeader("If-Modified-Since");
            return ifModifiedSince >= 0 && !doc.lastModified().isAfter(Instant.ofEpochMilli(ifModifiedSince));
        } catch (IllegalArgumentException unreadableDate) {
            return false;
        }
    }

    /** Weak comparison, as RFC 9110 asks for If-None-Match; either content coding's tag names the same document. */
    private static boolean matches(String header, Document doc) {
        if (header.strip().equals("*")) {
            return true;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(doc.etag()) || tag.equals(doc.gzipEtag())) {
                return true;
            }
        }
        return false;
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.strip().split(";");
            if (coding[0].strip().equalsIgnoreCase("gzip")) {
                return coding.length < 2 || !coding[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }
}
