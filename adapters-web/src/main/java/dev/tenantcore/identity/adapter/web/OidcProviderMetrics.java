package dev.tenantcore.identity.adapter.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Each OpenID Connect provider's reachability as a metric, 1 or 0: what the health details show, for alerting.
 * Read like the health check, so a stale answer is refreshed at most as often as there (and not while a failed
 * provider's retry pause lasts).
 */
@Singleton
@Requires(beans = MeterRegistry.class)
final class OidcProviderMetrics implements MeterBinder {
    private final OidcProviders providers;

    OidcProviderMetrics(OidcProviders providers) {
        this.providers = providers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (var provider : providers.all()) {
            Gauge.builder("tenantcore.oidc.provider.reachable", provider,
                            each -> each.reachability().reachable() ? 1 : 0)
                    .tag("provider", provider.name())
                    .description("Whether the OpenID Connect provider answered its discovery document")
                    .register(registry);
        }
    }
}
