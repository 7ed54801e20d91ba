package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.application.ExternalLoginPolicy;
import dev.tenantcore.identity.domain.ExternalLogin;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import io.micronaut.security.oauth2.client.OpenIdClient;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The OpenID Connect providers logins may go through: every Micronaut OpenID client
 * ({@code micronaut.security.oauth2.clients.<name>} with {@code openid.issuer}) whose name can be stored with a
 * link, with its Tenantcore policy. None configured: every provider route answers 404.
 */
@Singleton
final class OidcProviders {
    private static final System.Logger LOG = System.getLogger(OidcProviders.class.getName());

    /** A provider ready for logins: its name (the key stored with each link), its client and its policy. */
    record OidcProvider(String name, OpenIdClient client, ExternalLoginPolicy policy) {
    }

    private final Map<String, OidcProvider> byName = new TreeMap<>();

    OidcProviders(List<OpenIdClient> clients, List<OidcProviderSettings> settings) {
        var policies = settings.stream()
                .collect(Collectors.toMap(OidcProviderSettings::getName, Function.identity()));
        for (var client : clients) {
            var name = client.getName();
            if (!ExternalLogin.PROVIDER_NAME.matcher(name).matches()) {
                LOG.log(System.Logger.Level.WARNING, "OpenID client {0} is not used for logins: a provider name is "
                        + "1-63 characters of a-z, 0-9, '_' and '-'", name);
                continue;
            }
            var policy = Optional.ofNullable(policies.get(name)).map(OidcProviderSettings::policy)
                    .orElse(ExternalLoginPolicy.LINKED_ONLY);
            byName.put(name, new OidcProvider(name, client, policy));
        }
        policies.keySet().stream().filter(name -> !byName.containsKey(name)).forEach(name ->
                LOG.log(System.Logger.Level.WARNING, "tenantcore.oidc.providers.{0} has no OpenID client "
                        + "micronaut.security.oauth2.clients.{0} with openid.issuer: ignored", name));
    }

    /** The provider named in a path; an unknown name is a 404, like any resource that does not exist. */
    OidcProvider require(String name) {
        var provider = name == null ? null : byName.get(name);
        if (provider == null) {
            throw new ResourceNotFoundException("provider");
        }
        return provider;
    }
}
