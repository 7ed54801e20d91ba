package dev.tenantcore.shared.application;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The network a client address stands for when counting what one client does (login failures, requests): an IPv4
 * address itself, an IPv6 address's /64 prefix. One subscriber usually holds a whole /64 and can pick a fresh
 * address in it for every request, so counting full IPv6 addresses would count nothing.
 */
public final class ClientNetwork {
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final int PREFIX_BYTES = 8;

    private ClientNetwork() {
    }

    /**
     * The network of {@code address}: {@code 203.0.113.7} stays as it is, {@code 2001:db8:1:2:3:4:5:6} becomes
     * {@code 2001:db8:1:2::/64} (an IPv4-mapped IPv6 address counts as its IPv4 address). Anything that is not an
     * address literal is returned stripped and lower-cased, so that it still counts as one client.
     */
    public static String of(String address) {
        var candidate = address.strip();
        if (candidate.indexOf(':') < 0 || !ADDRESS_LITERAL.matcher(candidate).matches()) {
            return candidate.toLowerCase(Locale.ROOT);
        }
        try {
            // Digits, dots and colons only: parsed as a literal, never looked up.
            var parsed = InetAddress.getByName(candidate);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress();
            }
            var bytes = parsed.getAddress();
            var prefix = new StringBuilder(24);
            for (var i = 0; i < PREFIX_BYTES; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException malformed) {
            return candidate.toLowerCase(Locale.ROOT);
        }
    }
}
