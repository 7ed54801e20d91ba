package dev.tenantcore.identity.adapter.web;

import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a browser may be sent back to after a login or a logout: {@code tenantcore.oidc.return-addresses}, a list
 * of absolute http(s) addresses. An address is allowed when its scheme, host and port are an entry's and its path
 * is the entry's path or lies under it; anything else would make this service an open redirector.
 */
@Singleton
final class OidcReturnAddresses {
    private static final int MAX_LENGTH = 1000; // it travels in the flow cookie, which must stay under 4 KB

    private final List<URI> allowed;

    OidcReturnAddresses(OidcSettings settings) {
        this.allowed = settings.getReturnAddresses().stream().map(entry -> {
            var uri = parse(entry);
            if (uri == null) {
                throw new IllegalArgumentException("tenantcore.oidc.return-addresses: not an absolute http(s) address "
                        + "without user or fragment: " + entry);
            }
            return uri;
        }).toList();
    }

    /** The address, if it is an allowed one. */
    URI allowed(String address) {
        var uri = address == null || address.length() > MAX_LENGTH ? null : parse(address);
        if (uri == null) {
            return null;
        }
        for (var entry : allowed) {
            if (entry.getScheme().equals(uri.getScheme()) && entry.getHost().equals(uri.getHost())
                    && entry.getPort() == uri.getPort() && under(uri.getRawPath(), entry.getRawPath())) {
                return URI.create(address);
            }
        }
        return null;
    }

    private static boolean under(String path, String entryPath) {
        var base = entryPath.isEmpty() ? "/" : entryPath;
        var candidate = path.isEmpty() ? "/" : path;
        return candidate.equals(base) || candidate.startsWith(base.endsWith("/") ? base : base + "/");
    }

    /** Normalised for comparison: lower-case scheme and host, the scheme's default port made explicit. */
    private static URI parse(String address) {
        try {
            var uri = new URI(address).normalize();
            var scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"https".equals(scheme) && !"http".equals(scheme) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                    || uri.getRawPath() != null && uri.getRawPath().contains("..")) {
                return null;
            }
            var port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), port,
                    Objects.requireNonNullElse(uri.getPath(), ""), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
