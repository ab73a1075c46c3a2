package io.relais.ingest.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for an article's own link, whichever way it came in: an absolute {@code http} or {@code https} URL.
 * {@code javascript:}, {@code data:}, {@code vbscript:}, {@code file:} and the rest would become live links in
 * partners' readers and on the review page; one holding a bidirectional control ({@link BidiControls}) would show
 * another address than its own. (Links and images inside bodies follow the sanitiser's safelist.)
 */
public final class LinkPolicy {

    /** The longest link the store keeps. */
    public static final int MAX_LENGTH = 2000;

    private LinkPolicy() {
    }

    /** Empty when the article may carry this link (or none), otherwise why not. */
    public static Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        if (url.strip().length() > MAX_LENGTH) {
            return Optional.of("the article's link is longer than " + MAX_LENGTH + " characters");
        }
        if (BidiControls.in(url)) {
            return Optional.of("the article's link holds a bidirectional control character (such as U+202E), which "
                    + "would show readers another address than the real one");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("the article's link must be an absolute http(s) URL; this one does not parse: "
                    + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("the article's link must be an absolute http(s) URL, not '"
                    + (scheme.isEmpty() ? url.strip() : scheme + ":") + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("the article's link has no host: " + url.strip());
        }
        return Optional.empty();
    }
}
