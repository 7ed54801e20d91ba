package dev.tenantcore.apikeys.adapter.web;

import dev.tenantcore.apikeys.application.AuthenticateApiKeyUseCase;
import dev.tenantcore.shared.adapter.web.AuthenticatedTenant;
import dev.tenantcore.shared.domain.Actor;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Reads {@code Authorization: Bearer <token>} and asks the API-key use case who it is. Anything that is not a
 * usable key simply yields no authentication, so secured endpoints answer the same 401 whatever was wrong.
 * The lookup is blocking JDBC, so it runs on the blocking executor, never on the event loop.
 */
@Singleton
final class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    static final String ROLE = "API_KEY";
    private static final String BEARER = "Bearer ";

    private final AuthenticateApiKeyUseCase authenticate;
    private final Scheduler blocking;

    ApiKeyAuthenticationFetcher(AuthenticateApiKeyUseCase authenticate,
            @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor) {
        this.authenticate = authenticate;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        var header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Publishers.empty();
        }
        var token = header.substring(BEARER.length()).strip();
        return Mono.fromCallable(() -> authenticate.authenticate(token)
                        .map(principal -> Authentication.build(principal.apiKeyId().toString(), List.of(ROLE),
                                AuthenticatedTenant.attributes(principal.organizationId(),
                                        Actor.apiKey(principal.apiKeyId().value()), principal.permissions())))
                        .orElse(null))
                .subscribeOn(blocking);
    }
}
