package io.relais.ingest.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which URLs Relais fetches: {@code http}, {@code https} and (for local use, configurable) {@code file}. With
 * {@code relais.ingest.allow-internal-addresses=false}, a host any of whose addresses is in a special-purpose block
 * (loopback, private, link-local, carrier-grade NAT, documentation, multicast, unique-local IPv6, IPv4-embedding
 * IPv6 forms...: {@link SpecialPurposeAddresses}) is refused, so that a source cannot reach the internal network.
 * {@link #resolve} is the only name resolution {@link PoliteHttp} uses: the addresses it checked are the ones it
 * connects to (no second lookup that a rebinding DNS server could answer differently), for every redirect hop.
 */
@Component
public class UrlPolicy {

    private final boolean allowInternal;
    private final boolean allowFile;

    @Autowired
    UrlPolicy(IngestSettings settings) {
        this(settings.allowInternalAddresses(), settings.allowFileUrls());
    }

    public UrlPolicy(boolean allowInternal, boolean allowFile) {
        this.allowInternal = allowInternal;
        this.allowFile = allowFile;
    }

    /** Null when the URL may be used as a source, otherwise why not. */
    public String refusal(String url) {
        if (BidiControls.in(url)) {
            return "the URL holds a bidirectional control character (such as U+202E), which would show another address "
                    + "than the real one";
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return "not a URL: " + e.getMessage();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> {
                try {
                    checkHttp(uri);
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

    /** Like {@link #refusal} without looking the host up (a name that does not resolve now may later). */
    public String schemeRefusal(String url) {
        String scheme = url == null ? "" : url.strip().replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*):.*$", "$1")
                .toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "https" -> null;
            case "file" -> allowFile ? null : "file: URLs are not allowed (relais.ingest.allow-file-urls)";
            default -> "unsupported URL scheme '" + scheme + "': http, https" + (allowFile ? " and file" : "") + " only";
        };
    }

    /**
     * Like {@link #schemeRefusal}, for a source about to be polled: also {@code classpath:}, a feed bundled with Relais
     * (the demo), which only configuration can name (the API refuses the scheme) and which reads nothing but the
     * service's own resources.
     */
    public String pollRefusal(String url) {
        return url != null && url.startsWith("classpath:") ? null : schemeRefusal(url);
    }

    public boolean allowsFiles() {
        return allowFile;
    }

    /**
     * An http(s) URL whose host resolves to allowed addresses only (checked for every redirect hop): its addresses.
     */
    InetAddress[] checkHttp(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("unsupported URL scheme '" + scheme + "' (http and https only)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IOException("no host in " + uri);
        }
        return resolve(uri.getHost());
    }

    /**
     * The addresses of a host, every one of them checked: the connection goes to these and no others.
     *
     * @throws UnknownHostException when the host is unknown or one of its addresses is internal (refused)
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = lookup(bare);
        if (!allowInternal) {
            for (InetAddress address : addresses) {
                String block = internalBlock(address);
                if (block != null) {
                    throw new RefusedAddressException(host + " is an internal address (" + address.getHostAddress()
                            + " in " + block + "); relais.ingest.allow-internal-addresses is false");
                }
            }
        }
        return addresses;
    }

    /** The special-purpose block an address is in, or null when it is public. */
    String internalBlock(InetAddress address) {
        return SpecialPurposeAddresses.blockOf(address);
    }

    /** DNS (or an address literal); a seam for tests. */
    InetAddress[] lookup(String host) throws UnknownHostException {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("unknown host " + host);
        }
    }

    /** A host refused by the policy (an {@link UnknownHostException} so that HTTP clients never connect). */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }
}
