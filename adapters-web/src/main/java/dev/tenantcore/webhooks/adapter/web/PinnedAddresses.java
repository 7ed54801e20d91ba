package dev.tenantcore.webhooks.adapter.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The JVM's name resolver (registered in META-INF/services), which answers a host name with the addresses a
 * delivery checked while that delivery is under way, and asks the system's resolver otherwise. java.net.http
 * resolves the host itself when it connects; without this, a name could resolve to a public address for the check
 * and to a private one a moment later (DNS rebinding). The request still names the host, so TLS checks the
 * certificate against it (SNI and host name verification are unchanged).
 */
public final class PinnedAddresses extends InetAddressResolverProvider {
    private static final Map<String, Pin> PINS = new ConcurrentHashMap<>();

    private record Pin(InetAddress[] addresses, int users) {
    }

    /** Until {@link #unpin}, {@code host} resolves to {@code addresses} (already-pinned addresses stay). */
    static void pin(String host, InetAddress[] addresses) {
        PINS.merge(key(host), new Pin(addresses.clone(), 1),
                (held, added) -> new Pin(held.addresses(), held.users() + 1));
    }

    static void unpin(String host) {
        PINS.computeIfPresent(key(host), (key, held) -> held.users() == 1 ? null
                : new Pin(held.addresses(), held.users() - 1));
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        var system = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                var pin = PINS.get(key(host));
                return pin == null ? system.lookupByName(host, policy) : Stream.of(pin.addresses());
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return system.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "tenantcore-webhook-pinning";
    }
}
