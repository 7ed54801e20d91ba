package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.domain.ExternalLogin;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenID Connect providers logins may go through: every {@code tenantcore.oidc.providers.<name>} with an
 * issuer and a client id, whose name can be stored with a link. None configured: every provider route answers
 * 404. Nothing is fetched from a provider here: a provider that is down at start-up does not hold the service up.
 */
@Singleton
final class OidcProviders {
    private static final System.Logger LOG = System.getLogger(OidcProviders.class.getName());

    private final Map<String, OidcProvider> byName = new TreeMap<>();

    OidcProviders(List<OidcProviderSettings> settings, OidcSettings common, Clock clock) {
        for (var provider : settings) {
            var name = provider.getName();
            if (!ExternalLogin.PROVIDER_NAME.matcher(name).matches()) {
                LOG.log(System.Logger.Level.WARNING, "OpenID provider {0} is not used for logins: a provider name "
                        + "is 1-63 characters of a-z, 0-9, '_' and '-'", name);
                continue;
            }
            if (isBlank(provider.getIssuer()) || isBlank(provider.getClientId())) {
                LOG.log(System.Logger.Level.WARNING, "OpenID provider {0} is not used for logins: "
                        + "tenantcore.oidc.providers.{0}.issuer and .client-id are required", name);
                continue;
            }
            byName.put(name, new OidcProvider(name, provider.getIssuer().strip(), provider.getClientId().strip(),
                    provider.getClientSecret(), provider.policy(), common.getProviderTimeout(), clock));
        }
    }

    /** The provider named in a path; an unknown name is a 404, like any resource that does not exist. */
    OidcProvider require(String name) {
        var provider = name == null ? null : byName.get(name);
        if (provider == null) {
            throw new ResourceNotFoundException("provider");
        }
        return provider;
    }

    Collection<OidcProvider> all() {
        return byName.values();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
