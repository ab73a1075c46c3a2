package io.relais.ingest.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The IANA special-purpose address registries (RFC 6890 and its updates), IPv4 and IPv6: addresses a source on the
 * public internet never has. IPv6 forms that embed an IPv4 address (mapped {@code ::ffff:a.b.c.d}, compatible
 * {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are refused as a whole rather than trusted
 * to embed a public one.
 */
final class SpecialPurposeAddresses {

    record Block(byte[] prefix, int bits, String name) {

        static Block of(String cidr, String name) {
            int slash = cidr.indexOf('/');
            try {
                return new Block(InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                        Integer.parseInt(cidr.substring(slash + 1)), cidr + " (" + name + ")");
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0/8", "this network"),
            Block.of("10.0.0.0/8", "private"),
            Block.of("100.64.0.0/10", "shared address space, carrier-grade NAT"),
            Block.of("127.0.0.0/8", "loopback"),
            Block.of("169.254.0.0/16", "link-local"),
            Block.of("172.16.0.0/12", "private"),
            Block.of("192.0.0.0/24", "IETF protocol assignments"),
            Block.of("192.0.2.0/24", "documentation"),
            Block.of("192.31.196.0/24", "AS112"),
            Block.of("192.52.193.0/24", "AMT"),
            Block.of("192.88.99.0/24", "6to4 relay anycast"),
            Block.of("192.168.0.0/16", "private"),
            Block.of("192.175.48.0/24", "direct delegation AS112"),
            Block.of("198.18.0.0/15", "benchmarking"),
            Block.of("198.51.100.0/24", "documentation"),
            Block.of("203.0.113.0/24", "documentation"),
            Block.of("224.0.0.0/4", "multicast"),
            Block.of("240.0.0.0/4", "reserved, broadcast"));

    private static final List<Block> IPV6 = List.of(
            Block.of("::/128", "unspecified"),
            Block.of("::1/128", "loopback"),
            // ::ffff:0:0/96 (IPv4-mapped): Java reads those as IPv4 addresses, checked against the IPv4 blocks
            Block.of("::/96", "IPv4-compatible"),
            Block.of("64:ff9b::/96", "NAT64"),
            Block.of("64:ff9b:1::/48", "local NAT64"),
            Block.of("100::/64", "discard-only"),
            Block.of("2001::/23", "IETF protocol assignments"),
            Block.of("2001:db8::/32", "documentation"),
            Block.of("2002::/16", "6to4"),
            Block.of("3fff::/20", "documentation"),
            Block.of("5f00::/16", "segment routing"),
            Block.of("fc00::/7", "unique local"),
            Block.of("fe80::/10", "link-local"),
            Block.of("fec0::/10", "site-local"),
            Block.of("ff00::/8", "multicast"));

    private SpecialPurposeAddresses() {
    }

    /** The special-purpose block holding the address, or null for an ordinary public address. */
    static String blockOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isMapped(bytes)) {
            // ::ffff:a.b.c.d is the IPv4 address a.b.c.d on a dual-stack socket
            byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
            String v4Block = find(IPV4, v4);
            return v4Block != null ? v4Block : "::ffff:0:0/96 (IPv4-mapped)";
        }
        return find(address instanceof Inet4Address ? IPV4 : IPV6, bytes);
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static String find(List<Block> blocks, byte[] bytes) {
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return block.name();
            }
        }
        return null;
    }
}
