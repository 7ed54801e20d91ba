package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.adapter.web.OidcFlowCookies.Link;
import dev.tenantcore.identity.application.ListExternalLoginsUseCase;
import dev.tenantcore.identity.application.StartExternalLinkUseCase;
import dev.tenantcore.identity.application.UnlinkExternalLoginUseCase;
import dev.tenantcore.identity.domain.ExternalLogin;
import dev.tenantcore.identity.domain.ExternalLoginId;
import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.PageResponse;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

/** The calling user's links to OpenID Connect providers: needs a user's access token (an API key gets 403). */
@Controller("/v1/me/external-logins")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "Identity")
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
    @ApiContract.Ok
    @Operation(operationId = "listExternalLogins",
            summary = "The providers the calling user can log in through, oldest link first",
            description = "One page with every link (nextCursor is always null). Needs a user's access token.")
    PageResponse<ExternalLoginResponse> list() {
        return new PageResponse<>(list.list().stream().map(ExternalLoginController::toResponse).toList(), null);
    }

    @Post("/{target}")
    @ApiContract.Ok
    @ApiContract.NotFound
    @Operation(operationId = "startExternalLoginLink", summary = "Start linking a provider account to the calling user",
            description = "Answers the provider's authorization URL and sets the cookies its callback needs: send "
                    + "the same browser there. The callback (GET /v1/auth/oidc/{provider}/callback) makes the link. "
                    + "404 for a provider that is not configured.")
    HttpResponse<ExternalLinkStartResponse> startLink(
            @PathVariable("target") @Parameter(name = "target", description = "The provider to link, by its configured "
                    + "name (e.g. google)") String provider,
            HttpRequest<?> request) {
        var chosen = providers.require(provider);
        var pending = startLink.startLink();
        var redirect = flows.start(chosen, new Link(chosen.name(), pending.userId(), pending.organizationId()),
                request);
        return HttpResponse.ok(new ExternalLinkStartResponse(redirect.authorizationUrl().toString()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .cookie(redirect.cookie());
    }

    @Delete("/{target}")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.Conflict
    @Operation(operationId = "deleteExternalLogin", summary = "Unlink a provider account",
            description = "409 when it is the account's last way to log in (no password and no other link).")
    void unlink(@PathVariable("target") @Parameter(name = "target", description = "The link's id, from the list")
            UUID id) {
        unlink.unlink(new ExternalLoginId(id));
    }

    static ExternalLoginResponse toResponse(ExternalLogin login) {
        return new ExternalLoginResponse(login.id().value(), login.provider(), login.subject(),
                login.emailAtProvider() == null ? null : login.emailAtProvider().value(), login.linkedAt());
    }
}
