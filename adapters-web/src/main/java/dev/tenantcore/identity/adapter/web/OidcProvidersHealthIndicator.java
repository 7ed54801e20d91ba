package dev.tenantcore.identity.adapter.web;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Whether each OpenID Connect provider answers its discovery document, in the health details. Always UP: a
 * provider that is down fails its own logins (503), never the service, so it must not take the instance out
 * of its load balancer.
 */
@Singleton
final class OidcProvidersHealthIndicator implements HealthIndicator {
    private final OidcProviders providers;
    private final ExecutorService blocking;

    OidcProvidersHealthIndicator(OidcProviders providers, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.providers = providers;
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        if (providers.all().isEmpty()) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> {
            var details = new LinkedHashMap<String, Object>();
            for (var provider : providers.all()) {
                var reachability = provider.reachability();
                var detail = new LinkedHashMap<String, Object>();
                detail.put("reachable", reachability.reachable());
                if (reachability.checkedAt() != null) {
                    detail.put("checkedAt", reachability.checkedAt().toString());
                }
                if (reachability.problem() != null) {
                    detail.put("problem", reachability.problem());
                }
                details.put(provider.name(), detail);
            }
            return HealthResult.builder("oidcProviders", HealthStatus.UP).details(details).build();
        }).subscribeOn(Schedulers.fromExecutorService(blocking));
    }
}
