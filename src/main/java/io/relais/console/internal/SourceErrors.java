package io.relais.console.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source's error said in the operator's words: what the raw text of the fetcher, the parser or the URL policy
 * means ("HTTP 404 from https://...", "Content is not allowed in prolog", "java.net.UnknownHostException: ...") and
 * what to do about it. The raw text stays available behind a toggle. Matching on the words of other modules' messages
 * is the one way to do it without making every module speak every UI language; an unknown message gets the general
 * sentence.
 */
final class SourceErrors {

    private static final Pattern HTTP = Pattern.compile("\\bHTTP (\\d{3})\\b");

    private SourceErrors() {
    }

    static Said explain(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.toLowerCase(Locale.ROOT);
        Matcher http = HTTP.matcher(raw);
        if (http.find()) {
            int status = Integer.parseInt(http.group(1));
            return switch (status) {
                case 404, 410 -> Said.of("console.error.notFound", status);
                case 401, 403 -> Said.of("console.error.forbidden", status);
                case 429 -> Said.of("console.error.tooMany", status);
                default -> status >= 500 ? Said.of("console.error.server", status) : Said.of("console.error.http", status);
            };
        }
        if (text.contains("web page, not a feed")) {
            return Said.of("console.error.webPage");
        }
        if (text.contains("internal address") || text.contains("special-purpose") || text.contains("not polled")
                || text.contains("unsupported url scheme") || text.contains("urls are not allowed")) {
            return Said.of("console.error.policy");
        }
        if (text.contains("unknown host") || text.contains("unknownhost") || text.contains("name or service not known")
                || text.contains("nodename nor servname")) {
            return Said.of("console.error.dns");
        }
        if (text.contains("connection refused") || text.contains("connect to") && text.contains("failed")) {
            return Said.of("console.error.refused");
        }
        if (text.contains("timed out") || text.contains("timeout") || text.contains("deadline")) {
            return Said.of("console.error.timeout");
        }
        if (text.contains("certificate") || text.contains("pkix") || text.contains("ssl") || text.contains("handshake")) {
            return Said.of("console.error.tls");
        }
        if (text.contains("larger than")) {
            return Said.of("console.error.tooLarge");
        }
        if (text.contains("no item is in french")) {
            return Said.of("console.error.notFrench");
        }
        if (text.contains("has no items")) {
            return Said.of("console.error.empty");
        }
        if (text.contains("rss") || text.contains("atom") || text.contains("unreadable feed") || text.contains("prolog")
                || text.contains("xml") || text.contains("parse")) {
            return Said.of("console.error.notAFeed");
        }
        if (text.contains("redirect")) {
            return Said.of("console.error.redirect");
        }
        return Said.of("console.error.other");
    }
}
