package dev.tenantcore.webhooks.adapter.web;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.webhooks.application.WebhookTargets;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Public https targets only, against server-side request forgery: every address a host resolves to must be public
 * (not loopback, private, link-local, unique-local, multicast, unspecified, shared, reserved or documentation
 * space, in IPv4 or IPv6, IPv4-mapped and NAT64 forms included). The operator's allow-list
 * ({@code tenantcore.webhooks.allowed-targets}: host names, addresses or CIDR ranges) lifts both rules for what it
 * names, for receivers on an internal network, and for the tests' receiver on 127.0.0.1.
 */
@Singleton
final class WebhookTargetPolicy implements WebhookTargets {
    /** Ranges that are not the public internet (IANA special-purpose registries). */
    private static final List<Range> NOT_PUBLIC = List.of(
            Range.parse("0.0.0.0/8"), Range.parse("10.0.0.0/8"), Range.parse("100.64.0.0/10"),
            Range.parse("127.0.0.0/8"), Range.parse("169.254.0.0/16"), Range.parse("172.16.0.0/12"),
            Range.parse("192.0.0.0/24"), Range.parse("192.0.2.0/24"), Range.parse("192.88.99.0/24"),
            Range.parse("192.168.0.0/16"), Range.parse("198.18.0.0/15"), Range.parse("198.51.100.0/24"),
            Range.parse("203.0.113.0/24"), Range.parse("224.0.0.0/4"), Range.parse("240.0.0.0/4"),
            Range.parse("::/96"), Range.parse("64:ff9b::/96"),
            Range.parse("64:ff9b:1::/48"), Range.parse("100::/64"), Range.parse("2001::/23"),
            Range.parse("2001:db8::/32"), Range.parse("2002::/16"), Range.parse("fc00::/7"),
            Range.parse("fe80::/10"), Range.parse("fec0::/10"), Range.parse("ff00::/8"));

    private final List<String> allowedHosts = new ArrayList<>();
    private final List<Range> allowedRanges = new ArrayList<>();

    WebhookTargetPolicy(@Nullable @Property(name = "tenantcore.webhooks.allowed-targets") List<String> allowed) {
        for (var entry : allowed == null ? List.<String>of() : allowed) {
            var value = entry.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            if (value.contains("/") || value.contains(":") || value.matches("[0-9]+(\\.[0-9]+){3}")) {
                allowedRanges.add(Range.parse(value.contains("/") ? value : value + (value.contains(":") ? "/128"
                        : "/32")));
            } else {
                allowedHosts.add(value);
            }
        }
    }

    @Override
    public void check(String url) {
        addressesToConnectTo(url);
    }

    /**
     * The addresses the URL's host resolves to, each checked; refuses the URL (422 on "url") otherwise. The
     * delivery connects to exactly these (PinnedAddresses), so a name that resolves differently a moment later
     * (DNS rebinding) cannot lead it elsewhere.
     */
    InetAddress[] addressesToConnectTo(String url) {
        var uri = URI.create(url);
        var host = uri.getHost().toLowerCase(Locale.ROOT);
        var bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bareHost);
        } catch (UnknownHostException e) {
            throw refused("the host " + bareHost + " does not resolve");
        }
        var allowListed = allowedHosts.contains(bareHost)
                || Arrays.stream(addresses).allMatch(address -> allowedRanges.stream().anyMatch(r -> r.contains(address)));
        if (allowListed) {
            return addresses;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw refused("url must be an https URL");
        }
        for (var address : addresses) {
            if (NOT_PUBLIC.stream().anyMatch(range -> range.contains(address))) {
                throw refused("url resolves to " + address.getHostAddress() + ", which is not a public address");
            }
        }
        return addresses;
    }

    private static InvariantViolationException refused(String message) {
        return new InvariantViolationException("url", message);
    }

    /** An address range in CIDR form; IPv4 addresses compare as IPv4-mapped IPv6 ones. */
    record Range(BigInteger network, int prefixBits) {
        static Range parse(String cidr) {
            var slash = cidr.indexOf('/');
            var address = literal(cidr.substring(0, slash));
            var bits = Integer.parseInt(cidr.substring(slash + 1));
            var prefix = address.length == 4 ? bits + 96 : bits;
            return new Range(mask(toBig(address), prefix), prefix);
        }

        boolean contains(InetAddress address) {
            return mask(toBig(address.getAddress()), prefixBits).equals(network);
        }

        private static BigInteger toBig(byte[] address) {
            var sixteen = new byte[16];
            if (address.length == 4) {
                sixteen[10] = (byte) 0xff;
                sixteen[11] = (byte) 0xff;
                System.arraycopy(address, 0, sixteen, 12, 4);
            } else {
                System.arraycopy(address, 0, sixteen, 0, 16);
            }
            return new BigInteger(1, sixteen);
        }

        private static BigInteger mask(BigInteger value, int prefixBits) {
            return value.shiftRight(128 - prefixBits);
        }

        private static byte[] literal(String text) {
            try {
                var address = InetAddress.getByName(text); // a literal: no lookup
                return address instanceof Inet6Address six ? six.getAddress() : address.getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address: " + text, e);
            }
        }
    }
}
