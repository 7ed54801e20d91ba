package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.adapter.web.OidcFlowCookies.Link;
import dev.tenantcore.identity.application.ListExternalLoginsUseCase;
import dev.tenantcore.identity.application.StartExternalLinkUseCase;
import dev.tenantcore.identity.application.UnlinkExternalLoginUseCase;
import dev.tenantcore.identity.domain.ExternalLogin;
import dev.tenantcore.identity.domain.ExternalLoginId;
import dev.tenantcore.shared.adapter.web.PageResponse;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

/** The calling user's links to OpenID Connect providers: needs a user's access token (an API key gets 403). */
@Controller("/v1/me/external-logins")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "apiKey")
@Tag(name = "Me")
class ExternalLoginController {
    private final ListExternalLoginsUseCase list;
    private final StartExternalLinkUseCase startLink;
    private final UnlinkExternalLoginUseCase unlink;
    private final OidcProviders providers;
    private final OidcFlows flows;

    ExternalLoginController(ListExternalLoginsUseCase list, StartExternalLinkUseCase startLink,
            UnlinkExternalLoginUseCase unlink, OidcProviders providers, OidcFlows flows) {
        this.list = list;
        this.startLink = startLink;
        this.unlink = unlink;
        this.providers = providers;
        this.flows = flows;
    }

    @Get
    @Operation(summary = "The providers the calling user can log in through, oldest link first")
    PageResponse<ExternalLoginResponse> list() {
        return new PageResponse<>(list.list().stream().map(ExternalLoginController::toResponse).toList(), null);
    }

    @Post("/{provider}")
    @Operation(summary = "Start linking a provider account to the calling user",
            description = "Answers the provider's authorization URL and sets the cookies its callback needs: send "
                    + "the same browser there. The callback (GET /v1/auth/oidc/{provider}/callback) makes the link. "
                    + "404 for a provider that is not configured.")
    HttpResponse<ExternalLinkStartResponse> startLink(@PathVariable String provider, HttpRequest<?> request) {
        var chosen = providers.require(provider);
        var pending = startLink.startLink();
        var started = flows.start(chosen, new Link(chosen.name(), pending.userId(), pending.organizationId()),
                request);
        return OidcFlows.withCookies(HttpResponse.ok(new ExternalLinkStartResponse(started.authorizationUrl()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store"), started);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unlink a provider account",
            description = "409 when it is the account's last way to log in (no password and no other link).")
    void unlink(@PathVariable UUID id) {
        unlink.unlink(new ExternalLoginId(id));
    }

    static ExternalLoginResponse toResponse(ExternalLogin login) {
        return new ExternalLoginResponse(login.id().value(), login.provider(), login.subject(),
                login.emailAtProvider() == null ? null : login.emailAtProvider().value(), login.linkedAt());
    }
}
