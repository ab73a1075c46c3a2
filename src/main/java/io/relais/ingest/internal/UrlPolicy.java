package io.relais.ingest.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which source URLs Relais accepts: {@code http}, {@code https} and (for local use, configurable) {@code file};
 * with {@code relais.ingest.allow-internal-addresses=false}, hosts that resolve to loopback, private, link-local or
 * wildcard addresses are refused, so that a source cannot be used to reach the internal network.
 */
@Component
public class UrlPolicy {

    private final boolean allowInternal;
    private final boolean allowFile;

    @Autowired
    UrlPolicy(IngestProperties settings) {
        this(settings.allowInternalAddresses(), settings.allowFileUrls());
    }

    public UrlPolicy(boolean allowInternal, boolean allowFile) {
        this.allowInternal = allowInternal;
        this.allowFile = allowFile;
    }

    /** Null when the URL may be used as a source, otherwise why not. */
    public String refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return "not a URL: " + e.getMessage();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> {
                if (uri.getHost() == null) {
                    return "no host in " + url;
                }
                try {
                    checkHost(uri);
                } catch (IOException e) {
                    return e.getMessage();
                }
                return null;
            }
            case "file" -> {
                return allowFile ? null : "file: URLs are not allowed (relais.ingest.allow-file-urls)";
            }
            default -> {
                return "unsupported URL scheme '" + scheme + "': http, https" + (allowFile ? " and file" : "") + " only";
            }
        }
    }

    void checkHost(URI uri) throws IOException {
        if (allowInternal) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                    throw new IOException(uri.getHost() + " is an internal address (" + address.getHostAddress()
                            + "); relais.ingest.allow-internal-addresses is false");
                }
            }
        } catch (UnknownHostException e) {
            throw new IOException("unknown host " + uri.getHost());
        }
    }
}
